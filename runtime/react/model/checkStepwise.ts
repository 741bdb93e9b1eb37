import { checkDefinitionStepwise, type Problem } from '../../core/index';

/** Only ever loaded through a dynamic import (checkAfterPaint.ts): lint is its own chunk. */
export async function checkStepwise(definition: unknown): Promise<Problem[]> {
  const result = await checkDefinitionStepwise(definition, nextTask);
  return result.ok ? [] : result.problems;
}

/** Yields to the browser (input, paint) between rules; MessageChannel has no 4 ms clamp as nested timers do. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

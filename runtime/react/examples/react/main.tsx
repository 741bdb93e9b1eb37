import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AssessmentForm, memoryStorage, type Answers } from '../../index';
import { definition, log, validator } from '../shared';

/** A React host: the form is one component; the host keeps the answers it is given. */
function Host() {
  const [answers, setAnswers] = useState<Answers>({});
  const storage = useMemo(() => memoryStorage(), []);
  return (
    <>
      <AssessmentForm
        definition={definition}
        validator={validator}
        answers={answers}
        onChange={(next) => setAnswers(next)}
        onSubmit={(response) => log(`submit ${response.status} ${response.form.id} ${response.form.version} factorsPresent=${String(response.answers.factorsPresent)}`)}
        storage={storage}
        locale="en"
        onQuickExit={() => log('quick exit')}
      />
      <p className="as-body" id="answer-count">
        Answers held by the host: {Object.keys(answers).length}
      </p>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Host />);

import { contentHash, type Definition } from '../../runtime/core/index';

/**
 * Ahead-of-time validators: AJV's standalone code as an ES module, so pages under a CSP without
 * `'unsafe-eval'` validate without `new Function`. Published versions are served only after their
 * hash checks out (store.trustedPublished); drafts posted by the builder's preview are compiled
 * from the posted definition and kept under their content hash. Nothing here is ever stored on
 * disk, so there is no hand-editable generated code.
 */
export type ModuleGenerator = (definition: Definition) => string | Promise<string>;

const MAX_CACHED = 64;

export class ValidatorModules {
  private cache = new Map<string, string>();

  constructor(private readonly generate: ModuleGenerator | undefined) {}

  get available(): boolean {
    return this.generate !== undefined;
  }

  /** The module for a definition, by its content hash; compiled at most once per hash while cached. */
  async moduleFor(definition: Definition, hash = contentHash(definition)): Promise<{ hash: string; code: string }> {
    const cached = this.cache.get(hash);
    if (cached !== undefined) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.cache.delete(hash);
      this.cache.set(hash, cached);
      return { hash, code: cached };
    }
    if (!this.generate) throw new Error('no validator generator configured');
    const code = await this.generate(definition);
    this.cache.set(hash, code);
    while (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return { hash, code };
  }

  cached(hash: string): string | undefined {
    return this.cache.get(hash);
  }
}

/**
 * An optional peer the command needs is not installed (esbuild for `compile`, a database driver for
 * the response store): a fact about the install, said as it is, not reported as an internal error.
 */
export class MissingPeerError extends Error {
  constructor(readonly peer: string, what: string) {
    super(`assessment-studio: ${what} needs the package ${peer}; install it beside assessment-studio (npm install ${peer}).`);
    this.name = 'MissingPeerError';
  }
}

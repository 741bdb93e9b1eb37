import { useEffect, useState } from 'react';

/**
 * The signed-in account in a page's header, linking to /signin where it signs out (issue 20
 * point 4). Nothing in single-user local mode, where no one signs in.
 */
export function SignedInAs() {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/session', { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<{ signedIn?: boolean; username?: string }>) : undefined))
      .then((body) => live && body?.signedIn && typeof body.username === 'string' && setName(body.username))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return name ? (
    <a className="as-page__account" href="/signin">
      {`Signed in as ${name} – sign out`}
    </a>
  ) : null;
}

import { startIframeEmbed } from '../../embed/iframeEmbed';
import { parseAllowedOrigins } from '../../embed/protocol';
import '../../styles.css';

/**
 * The iframe page `/embed/?origins=https://host.example`. The allow-list comes from the
 * `origins` parameter (exact origins, comma-separated); the server's `frame-ancestors` policy is
 * what stops other sites from framing the page with a list of their own.
 */
const params = new URLSearchParams(location.search);
const allowed = parseAllowedOrigins((params.get('origins') ?? '').split(','));
const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
startIframeEmbed({
  element: document.getElementById('root')!,
  allowedOrigins: allowed,
  ancestorOrigin: ancestors && ancestors.length > 0 ? ancestors[0]! : undefined,
});

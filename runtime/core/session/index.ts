export { cookieValue, csrfHeaders, CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './cookies';

// English messages. zh-CN.ts has exactly the same keys (checked by i18n.test.ts
// and by its type, Messages).
const en = {
  app: {
    name: 'Lotline',
    tagline: 'Traceability ERP for medical devices',
  },
  shell: {
    language: 'Language',
    navigation: 'Main navigation',
  },
  nav: {
    overview: 'Overview',
    about: 'About',
  },
  common: {
    yes: 'Yes',
    no: 'No',
    refresh: 'Refresh',
    retry: 'Retry',
    loading: 'Loading…',
  },
  database: {
    kind: {
      pglite: 'Embedded (PGlite)',
      postgres: 'PostgreSQL',
    },
  },
  overview: {
    title: 'Overview',
    welcome:
      'Lotline records every lot and serial number from goods receipt to shipment, so one scan shows where a device came from, what went into it and where it went.',
    status: {
      title: 'System status',
      status: 'Status',
      ok: 'Operational',
      unavailable: 'Unavailable',
      database: 'Database',
      latency: 'Database response time',
      latencyValue: '{{value}} ms',
      version: 'Version',
      checkedAt: 'Checked at {{time}}',
    },
  },
  about: {
    title: 'About',
    product: 'Product',
    version: 'Version',
    databaseKind: 'Database',
    databaseServerVersion: 'Database server version',
    embedded: 'Embedded database',
    nodeVersion: 'Node.js version',
    instanceId: 'Instance ID',
    startedAt: 'Running since',
    embeddedWarning: {
      title: 'This instance uses the embedded database',
      description:
        'The embedded database (PGlite) is intended for evaluation, training and single-user pilots. Production runs on PostgreSQL: set DATABASE_URL to your PostgreSQL server and restart Lotline.',
    },
  },
  notFound: {
    title: 'Page not found',
    subtitle: 'There is no page at {{path}}. The link may be outdated or mistyped.',
    backHome: 'Go to Overview',
  },
  routeError: {
    title: 'This page could not be displayed',
    subtitle:
      'An unexpected error occurred in the web application. Reload the page; if it happens again, contact support.',
    reload: 'Reload page',
  },
  problem: {
    unknownCode: 'Error code: {{code}}',
    fieldErrors: 'Please check the following:',
    requestId: 'Request ID for support: {{id}}',
  },
  errors: {
    VALIDATION_FAILED:
      'Some of the data entered is not valid. Check the fields listed and try again.',
    MALFORMED_JSON: 'The server could not read the request. Reload the page and try again.',
    UNSUPPORTED_MEDIA_TYPE: 'The request was sent in a format the server does not accept.',
    PAYLOAD_TOO_LARGE: 'The data sent is too large. Reduce its size and try again.',
    ROUTE_NOT_FOUND:
      'The server does not offer this function. The web page may be out of date: reload it.',
    NOT_FOUND: 'The record does not exist, or the link to it is outdated.',
    CONFLICT:
      'The record was changed in the meantime or its current state does not allow this. Reload and try again.',
    WEB_NOT_BUILT:
      'The web application has not been built on the server. Ask your administrator to build it.',
    SERVICE_UNAVAILABLE:
      'Lotline is temporarily unavailable, for example while it restarts. Try again in a moment.',
    INTERNAL_ERROR:
      'An unexpected error occurred on the server and the action was not completed. If it happens again, contact support and quote the request ID.',
    RATE_LIMITED: 'Too many requests in a short time. Wait a moment and try again.',
    UNAUTHENTICATED: 'You are not signed in, or your session has expired. Please sign in.',
    INVALID_CREDENTIALS: 'The user name or password is incorrect.',
    FORBIDDEN: 'You do not have permission to do this.',
    ACCOUNT_LOCKED:
      'This account is locked after repeated failed sign-in attempts. Try again later or contact your administrator.',
    ACCOUNT_DISABLED: 'This account is disabled. Contact your administrator.',
    PASSWORD_CHANGE_REQUIRED: 'You must change your password before you continue.',
    PASSWORD_POLICY: 'The password does not meet the password policy.',
    CSRF_TOKEN_INVALID:
      'The security token of your session is missing or outdated. Reload the page and try again.',
    USERNAME_TAKEN: 'This user name is already in use.',
    ROLE_KEY_TAKEN: 'A role with this key already exists.',
    UNKNOWN_ROLE: 'The role does not exist.',
    UNKNOWN_PERMISSION: 'The permission does not exist.',
    TOKEN_SCOPE_EXCEEDS_USER:
      'An API token cannot be given permissions that its user does not have.',
    CANNOT_CHANGE_OWN_ACCESS:
      'You cannot change your own roles or account status. Another administrator must make this change.',
    LAST_ADMINISTRATOR:
      'This change would leave no active user who can manage users, so it is not allowed.',
    SIGNATURE_REQUIRED: 'This action requires an electronic signature.',
    SIGNATURE_SIGNER_MISMATCH: 'Only the signed-in user can give this electronic signature.',
    SIGNATURE_PASSWORD_INVALID: 'The password entered for the signature is incorrect.',
    SIGNATURE_MEANING_NOT_ALLOWED: 'This signature meaning is not allowed for this record.',
    SIGNATURE_REQUIRES_USER:
      'Electronic signatures must be given by a signed-in person, not by an API token.',
    NETWORK_ERROR: 'Cannot reach the Lotline server. Check your network connection and try again.',
    UNKNOWN: 'An unexpected error occurred.',
  },
};

/** The shape every language's messages must have: en's keys, string leaves. */
export type Messages = DeepStrings<typeof en>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export default en;

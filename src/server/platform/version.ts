import pkg from '../../../package.json' with { type: 'json' };

export const LOTLINE_VERSION: string = pkg.version;

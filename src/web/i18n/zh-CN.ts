import type { Messages } from './en.ts';

// 简体中文。键与 en.ts 完全一致（由类型 Messages 与 i18n.test.ts 保证）。
const zhCN: Messages = {
  app: {
    name: 'Lotline',
    tagline: '医疗器械追溯管理系统',
  },
  shell: {
    language: '语言',
    navigation: '主导航',
  },
  nav: {
    overview: '概览',
    about: '关于',
  },
  common: {
    yes: '是',
    no: '否',
    refresh: '刷新',
    retry: '重试',
    loading: '加载中…',
  },
  database: {
    kind: {
      pglite: '内嵌数据库（PGlite）',
      postgres: 'PostgreSQL',
    },
  },
  overview: {
    title: '概览',
    welcome:
      'Lotline 记录从来料接收到发货的每一个批次和序列号，扫码即可查清器械的来源、所用物料及去向。',
    status: {
      title: '系统状态',
      status: '运行状态',
      ok: '正常',
      unavailable: '不可用',
      database: '数据库',
      latency: '数据库响应时间',
      latencyValue: '{{value}} 毫秒',
      version: '版本',
      checkedAt: '检查时间：{{time}}',
    },
  },
  about: {
    title: '关于',
    product: '产品',
    version: '版本',
    databaseKind: '数据库',
    databaseServerVersion: '数据库服务器版本',
    embedded: '内嵌数据库',
    nodeVersion: 'Node.js 版本',
    instanceId: '实例 ID',
    startedAt: '启动时间',
    embeddedWarning: {
      title: '当前实例使用内嵌数据库',
      description:
        '内嵌数据库（PGlite）仅适用于评估、培训和单用户试点。生产环境请使用 PostgreSQL：将 DATABASE_URL 设置为 PostgreSQL 服务器的连接地址，然后重启 Lotline。',
    },
  },
  notFound: {
    title: '页面不存在',
    subtitle: '找不到页面 {{path}}，链接可能已失效或输入有误。',
    backHome: '返回概览',
  },
  routeError: {
    title: '页面无法显示',
    subtitle: '网页应用发生意外错误。请刷新页面；如再次出现，请联系技术支持。',
    reload: '刷新页面',
  },
  problem: {
    unknownCode: '错误代码：{{code}}',
    fieldErrors: '请检查以下内容：',
    requestId: '请求编号（供技术支持使用）：{{id}}',
  },
  errors: {
    VALIDATION_FAILED: '部分输入的数据无效，请检查所列字段后重试。',
    MALFORMED_JSON: '服务器无法解析该请求，请刷新页面后重试。',
    UNSUPPORTED_MEDIA_TYPE: '请求的数据格式不受服务器支持。',
    PAYLOAD_TOO_LARGE: '提交的数据过大，请减小数据量后重试。',
    ROUTE_NOT_FOUND: '服务器不提供此功能，当前页面可能已过期，请刷新页面。',
    NOT_FOUND: '该记录不存在，或链接已失效。',
    CONFLICT: '该记录已被他人修改，或其当前状态不允许此操作。请刷新后重试。',
    WEB_NOT_BUILT: '服务器尚未构建网页应用，请联系管理员。',
    SERVICE_UNAVAILABLE: 'Lotline 暂时不可用（例如正在重启），请稍后重试。',
    INTERNAL_ERROR: '服务器发生意外错误，操作未完成。如再次出现，请联系技术支持并提供请求编号。',
    RATE_LIMITED: '短时间内请求过于频繁，请稍后重试。',
    UNAUTHENTICATED: '您尚未登录或会话已过期，请重新登录。',
    INVALID_CREDENTIALS: '用户名或密码错误。',
    FORBIDDEN: '您没有执行此操作的权限。',
    ACCOUNT_LOCKED: '由于多次登录失败，该账户已被锁定。请稍后重试或联系管理员。',
    ACCOUNT_DISABLED: '该账户已停用，请联系管理员。',
    PASSWORD_CHANGE_REQUIRED: '请先修改密码，然后再继续操作。',
    PASSWORD_POLICY: '密码不符合密码策略要求。',
    CSRF_TOKEN_INVALID: '会话安全令牌缺失或已失效，请刷新页面后重试。',
    USERNAME_TAKEN: '该用户名已被使用。',
    ROLE_KEY_TAKEN: '已存在使用该标识的角色。',
    UNKNOWN_ROLE: '该角色不存在。',
    UNKNOWN_PERMISSION: '该权限不存在。',
    TOKEN_SCOPE_EXCEEDS_USER: 'API 令牌的权限不能超出其所属用户的权限。',
    CANNOT_CHANGE_OWN_ACCESS: '不能修改本人的角色或账户状态，须由其他管理员操作。',
    LAST_ADMINISTRATOR: '此更改将导致没有任何有效用户可以管理用户，因此不允许执行。',
    SIGNATURE_REQUIRED: '此操作需要电子签名。',
    SIGNATURE_SIGNER_MISMATCH: '只有当前登录的用户本人才能签署此电子签名。',
    SIGNATURE_PASSWORD_INVALID: '签名时输入的密码不正确。',
    SIGNATURE_MEANING_NOT_ALLOWED: '该记录不允许使用此签名含义。',
    SIGNATURE_REQUIRES_USER: '电子签名必须由已登录的人员签署，不能使用 API 令牌。',
    NETWORK_ERROR: '无法连接 Lotline 服务器，请检查网络连接后重试。',
    UNKNOWN: '发生意外错误。',
  },
};

export default zhCN;

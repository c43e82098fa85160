// The frame of the console: its title, signing in, the navigation, agent states and reasons, errors.
export const en = {
  app: {
    title: 'boardcti',
    language: 'Language',
    connected: 'Live',
    disconnected: 'Reconnecting…',
    menu: 'Pages',
    signedInAs: 'Signed in as {name}',
  },
  nav: { desk: 'Agent', admin: 'Administration' },
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Enter your username and password',
  },
  states: {
    'logged-out': 'Logged out',
    ready: 'Ready',
    'not-ready': 'Not ready',
    dnd: 'Do not disturb',
    reserved: 'Reserved',
    ringing: 'Ringing',
    'on-call': 'On a call',
    'wrap-up': 'Wrap-up',
  },
  reasons: {
    lunch: 'Lunch',
    break: 'Break',
    meeting: 'Meeting',
    training: 'Training',
    'missed-calls': 'Missed calls',
    login: 'Just logged in',
  },
  error: {
    title: 'Error',
  },
};

export const zh: typeof en = {
  app: {
    title: 'boardcti',
    language: '语言',
    connected: '在线',
    disconnected: '正在重新连接…',
    menu: '页面',
    signedInAs: '当前用户：{name}',
  },
  nav: { desk: '坐席', admin: '系统管理' },
  login: {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    required: '请输入用户名和密码',
  },
  states: {
    'logged-out': '已签出',
    ready: '就绪',
    'not-ready': '未就绪',
    dnd: '免打扰',
    reserved: '预占',
    ringing: '振铃',
    'on-call': '通话中',
    'wrap-up': '话后处理',
  },
  reasons: {
    lunch: '午餐',
    break: '休息',
    meeting: '会议',
    training: '培训',
    'missed-calls': '未接来电',
    login: '刚签入',
  },
  error: {
    title: '错误',
  },
};

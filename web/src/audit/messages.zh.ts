// Simplified Chinese messages of the audit log.
export const auditZh = {
  title: '审计日志',
  actor: '操作人',
  action: '操作',
  entityType: '对象类型',
  subject: '操作对象',
  dateRange: '时间范围',
  startDate: '开始日期',
  endDate: '结束日期',
  time: '时间',
  ip: 'IP 地址',
  actorPlaceholder: '姓名或用户名',
  actionPlaceholder: '全部操作',
  entityTypePlaceholder: '全部类型',
  loaded: '已加载 {{count}} 条',
  unknownActor: '未知（未登录）',
  code: '代码：{{code}}',
} as const;

// The closed list of error codes, each with its HTTP status and title; the API answers them as problem+json.
import { msg, type Message } from './i18n.js';

type ErrorSpec = { status: number; title: Message };

export const errorCatalog = {
  'request.invalid': { status: 400, title: msg('请求内容不符合要求', 'The request is invalid') },
  'request.malformed_json': {
    status: 400,
    title: msg('请求体不是有效的 JSON', 'The request body is not valid JSON'),
  },
  'request.too_large': { status: 413, title: msg('请求体过大', 'The request body is too large') },
  'request.unsupported_media_type': {
    status: 415,
    title: msg('不支持的内容类型', 'Unsupported content type'),
  },
  'request.idempotency_conflict': {
    status: 409,
    title: msg('同一幂等键已用于不同的请求', 'The idempotency key was used for a different request'),
  },
  'route.not_found': { status: 404, title: msg('没有这个地址', 'No such address') },
  'route.method_not_allowed': { status: 405, title: msg('该地址不支持此方法', 'Method not allowed here') },
  'auth.required': { status: 401, title: msg('请先登录', 'Please sign in') },
  'auth.invalid_credentials': { status: 401, title: msg('用户名或密码错误', 'Wrong username or password') },
  'auth.locked': {
    status: 429,
    title: msg('登录失败次数过多，请稍后再试', 'Too many failed sign-ins; try again later'),
  },
  'auth.csrf': {
    status: 403,
    title: msg('页面已过期，请刷新后重试', 'The page has expired; reload and try again'),
  },
  'auth.forbidden': { status: 403, title: msg('没有权限执行此操作', 'You may not do this') },
  'auth.token_invalid': {
    status: 401,
    title: msg('访问令牌无效或已吊销', 'The access token is invalid or revoked'),
  },
  'rate.limited': { status: 429, title: msg('请求过于频繁', 'Too many requests') },
  'record.not_found': { status: 404, title: msg('记录不存在', 'Record not found') },
  'record.conflict': {
    status: 409,
    title: msg('记录已被修改或已存在', 'The record changed or already exists'),
  },
  'org.invalid_parent': {
    status: 422,
    title: msg('上级组织不符合层级要求', 'The parent organisation does not fit the level order'),
  },
  'org.cycle': {
    status: 422,
    title: msg('不能移动到自己的下级组织', 'An organisation cannot move under itself'),
  },
  'org.dissolved': { status: 422, title: msg('组织已撤销', 'The organisation is dissolved') },
  'org.not_empty': {
    status: 422,
    title: msg('组织下仍有成员或下级组织', 'The organisation still has members or children'),
  },
  'member.invalid_id_number': {
    status: 422,
    title: msg('身份证号码无效（校验位不符）', 'The ID card number is invalid (check digit mismatch)'),
  },
  'member.duplicate_id_number': {
    status: 409,
    title: msg('该身份证号码的党员已存在', 'A member with this ID card number already exists'),
  },
  'member.invalid_branch': {
    status: 422,
    title: msg('党员只能隶属于一个有效的党支部', 'A member belongs to exactly one active party branch'),
  },
  'household.invalid_link': {
    status: 422,
    title: msg(
      '群众户只能联系本村（社区）的党员中心户',
      'A household links only to a central household of its village',
    ),
  },
  'grid.invalid_geometry': {
    status: 422,
    title: msg('网格边界图形无效', 'The grid outline is not a valid polygon'),
  },
  'grid.overlap': {
    status: 409,
    title: msg('网格与相邻网格重叠', 'The grid overlaps neighbouring grids'),
  },
  'grid.override_reason_required': {
    status: 422,
    title: msg('允许重叠须填写理由', 'A reason is required to allow an overlap'),
  },
  'grid.invalid_split': {
    status: 422,
    title: msg(
      '拆分后的网格须恰好覆盖原网格且互不重叠',
      'The parts of a split must cover the grid exactly without overlapping',
    ),
  },
  'grid.retired': { status: 422, title: msg('网格已撤销', 'The grid is retired') },
  'personal.reason_required': {
    status: 422,
    title: msg('查看或导出个人信息须填写事由', 'A reason is required to reveal or export personal data'),
  },
  'import.invalid_file': { status: 422, title: msg('导入文件有误', 'The import file has errors') },
  'auth.password_change_required': {
    status: 403,
    title: msg('请先修改密码后再继续', 'Change your password before you go on'),
  },
  'auth.current_password_wrong': {
    status: 422,
    title: msg('当前密码不正确', 'The current password is wrong'),
  },
  'password.too_short': {
    status: 422,
    title: msg('密码至少须 10 个字符', 'A password needs at least 10 characters'),
  },
  'password.contains_username': {
    status: 422,
    title: msg('密码不能包含用户名', 'A password must not contain the username'),
  },
  'password.too_common': {
    status: 422,
    title: msg('密码过于常见，请换一个', 'The password is too common; choose another'),
  },
  'password.unchanged': {
    status: 422,
    title: msg('新密码不能与当前密码相同', 'The new password must differ from the current one'),
  },
  'user.username_taken': { status: 409, title: msg('用户名已被使用', 'The username is taken') },
  'user.role_not_grantable': {
    status: 403,
    title: msg(
      '无权授予该角色（区级角色只能由区管理员授予）',
      'You may not grant this role (district roles need a district admin)',
    ),
  },
  'user.role_org_mismatch': {
    status: 422,
    title: msg('该角色不能设在这一层级的组织上', 'This role cannot be held at an organisation of this level'),
  },
  'user.duplicate_assignment': {
    status: 409,
    title: msg('该用户已在此组织担任该角色', 'The user already holds this role at this organisation'),
  },
  'user.not_manageable': {
    status: 403,
    title: msg(
      '该用户有超出您管理范围的角色，不能由您修改',
      'The user holds roles outside your scope; you may not change them',
    ),
  },
  'user.cannot_deactivate_self': {
    status: 422,
    title: msg('不能停用自己的账号', 'You cannot deactivate your own account'),
  },
  'user.member_taken': {
    status: 409,
    title: msg('该党员已关联其他账号', 'The party member is linked to another account'),
  },
  'case.dispatch_target_outside_town': {
    status: 422,
    title: msg(
      '只能派遣到本镇（街道）的四个平台或区级部门',
      "A case goes only to its own town's four platform offices or a district department",
    ),
  },
  'consultation.minutes_required': {
    status: 422,
    title: msg('会议须先上传会议纪要才能结束', 'Minutes must be attached before the meeting can close'),
  },
  'consultation.already_voted': {
    status: 409,
    title: msg('该参会人已投过票', 'This participant has already voted'),
  },
  'consultation.vote_closed': { status: 422, title: msg('表决已结束', 'The vote is closed') },
  'consultation.not_participant': {
    status: 403,
    title: msg('您不是本次会议的参会人', 'You are not a participant of this meeting'),
  },
  'consultation.invalid_ballot': {
    status: 422,
    title: msg('选票内容不符合表决方式', 'The ballot does not fit the decision type'),
  },
  'consultation.invalid_checkin': {
    status: 422,
    title: msg('签到码无效或您不在参会名单中', 'The check-in code is invalid or you are not on the list'),
  },
  'consultation.already_supported': {
    status: 409,
    title: msg('您已附议过该议题', 'You have already supported this topic'),
  },
  'linkage.not_head': {
    status: 403,
    title: msg('您的账号未关联党员中心户户主', 'Your account does not head a party-member central household'),
  },
  'linkage.household_not_linked': {
    status: 404,
    title: msg('该户不是您联系的群众户', 'This household is not one of your linked households'),
  },
  'linkage.visit_far': {
    status: 422,
    title: msg('走访位置距该户所在网格过远', 'The visit position is too far from the household’s grid'),
  },
  'linkage.not_your_level': {
    status: 409,
    title: msg('该诉求当前不在您这一级办理', 'This appeal is not waiting at your level'),
  },
  'linkage.appeal_not_open': {
    status: 409,
    title: msg('该诉求当前不在办理中', 'This appeal is not open'),
  },
  'linkage.top_of_chain': {
    status: 422,
    title: msg('已到联动链条最高一级，不能再上交', 'The appeal is at the top of the chain'),
  },
  'linkage.case_from_village': {
    status: 422,
    title: msg(
      '只有村（社区）和镇（街道）可将诉求转为事件',
      'Only a village or town turns an appeal into a case',
    ),
  },
  'linkage.topic_from_village': {
    status: 422,
    title: msg(
      '只有村（社区）和镇（街道）可将诉求转为协商议题',
      'Only a village or town turns an appeal into a consultation topic',
    ),
  },
  'linkage.limit_invalid': {
    status: 422,
    title: msg('时限设置不正确', 'A level’s time limit is not valid'),
  },
  'linkage.no_council': {
    status: 422,
    title: msg('该村（社区）尚未设立议事会', 'This village has no consultation council'),
  },
  'linkage.not_awaiting_confirmation': {
    status: 409,
    title: msg('该诉求没有待群众确认的化解结果', 'This appeal has no settlement awaiting confirmation'),
  },
  'linkage.too_many': {
    status: 422,
    title: msg('范围过大，请选择下一级组织', 'Too large; choose a smaller organisation'),
  },
  'volunteer.not_member': {
    status: 403,
    title: msg('您的账号未关联党员信息', 'Your account is not linked to a party member'),
  },
  'volunteer.not_community': {
    status: 422,
    title: msg('报到的组织不是社区（村）', 'The organisation registered with is not a community or village'),
  },
  'volunteer.not_unit': {
    status: 422,
    title: msg(
      '报到单位不是驻区单位或新兴领域组织',
      'Only a resident unit or new-field organisation registers',
    ),
  },
  'volunteer.already_registered': {
    status: 409,
    title: msg('已有报到记录，无需重复报到', 'A registration is already on record'),
  },
  'volunteer.full': { status: 409, title: msg('名额已满', 'No places are left') },
  'volunteer.already_signed_up': {
    status: 409,
    title: msg('您已报名该活动', 'You have already signed up for this activity'),
  },
  'volunteer.not_signed_up': {
    status: 422,
    title: msg('您未报名该活动', 'You have not signed up for this activity'),
  },
  'volunteer.invalid_checkin': {
    status: 422,
    title: msg('签到码无效', 'The check-in code is invalid'),
  },
  'volunteer.checkin_far': {
    status: 422,
    title: msg('您的位置不在活动地点范围内', 'Your position is not at the activity’s place'),
  },
  'volunteer.checkin_outside_window': {
    status: 422,
    title: msg('不在活动的签到时间内', 'This is outside the activity’s check-in time'),
  },
  'volunteer.already_signed_in': {
    status: 409,
    title: msg('您已签到，不能重复签到', 'You have already signed in'),
  },
  'volunteer.not_signed_in': {
    status: 422,
    title: msg('尚未签到，不能签退', 'Sign in before signing out'),
  },
  'volunteer.already_signed_out': {
    status: 409,
    title: msg('您已签退', 'You have already signed out'),
  },
  'volunteer.unknown_rule': {
    status: 422,
    title: msg('积分规则不存在或不适用', 'No such rule, or it does not apply here'),
  },
  'volunteer.zero_amount': {
    status: 422,
    title: msg('记录的数值不能为零', 'An entry of zero is not recorded'),
  },
  'volunteer.wrong_sign': {
    status: 422,
    title: msg(
      '数值的正负与规则不符（扣分用扣分规则，更正用冲销）',
      'The sign does not match the rule (deductions use a deduction rule, corrections a reversal)',
    ),
  },
  'volunteer.cap_exceeded': {
    status: 422,
    title: msg('超过该规则在本期的上限', 'This exceeds the rule’s cap for the period'),
  },
  'volunteer.approver_required': {
    status: 422,
    title: msg('记录必须有审核人', 'An entry needs an approver'),
  },
  'volunteer.entry_fixed': {
    status: 409,
    title: msg(
      '已记账的条目不能修改或删除，请登记冲销',
      'A posted entry is never edited or deleted; post a reversal instead',
    ),
  },
  'volunteer.already_reversed': {
    status: 409,
    title: msg('该条目已冲销', 'This entry has already been reversed'),
  },
  'volunteer.below_bar': {
    status: 422,
    title: msg('服务时长未达到证书要求', 'The service hours are below the certificate’s bar'),
  },
  'volunteer.notice_running': {
    status: 422,
    title: msg('公示期未满', 'The public notice has not ended'),
  },
  'volunteer.certificate_exists': {
    status: 409,
    title: msg('该党员本年度已有服务时长证明', 'The member already has a certificate for that year'),
  },
  'volunteer.certificate_decided': {
    status: 409,
    title: msg('该证明已办结，不能再作此处理', 'The certificate has already been decided'),
  },
  'volunteer.objection_open': {
    status: 409,
    title: msg('公示期内有异议未处理，暂不能发放', 'An objection to the notice is still open'),
  },
  'list.negative_listed': {
    status: 422,
    title: msg(
      '该事项列入负面清单，不能交由这一层级办理',
      'The matter is on the negative list of that level and cannot be given to it',
    ),
  },
  'list.task_not_admitted': {
    status: 422,
    title: msg(
      '该任务不在网格事项准入清单内，不能派给网格员',
      'The task is not on the grid task admission list and cannot be given to a grid worker',
    ),
  },
  'list.application_decided': {
    status: 409,
    title: msg('该准入申请已处理', 'The admission application has already been decided'),
  },
  'list.linked_item': {
    status: 422,
    title: msg(
      '该服务事项来自事件目录，名称和时限请在目录中修改或通过服务清单同步修改',
      'This service item is a catalogue category; its name and limit change through the catalogue',
    ),
  },
  'assessment.invalid_tree': {
    status: 422,
    title: msg('指标体系不完整或不一致', 'The indicator tree is incomplete or inconsistent'),
  },
  'assessment.tree_frozen': {
    status: 409,
    title: msg(
      '该年度考评已启动，指标体系已冻结',
      'Scoring has started: the year’s indicator tree is frozen',
    ),
  },
  'assessment.cycle_exists': {
    status: 409,
    title: msg('该年度考评已启动', 'The year’s assessment is already open'),
  },
  'assessment.score_out_of_range': {
    status: 422,
    title: msg('分值超出该指标的范围', 'The points are outside the item’s range'),
  },
  'assessment.reason_required': {
    status: 422,
    title: msg('调整分值或星级须说明理由', 'A change of points or stars needs a reason'),
  },
  'assessment.evidence_required': {
    status: 422,
    title: msg('自评得分的指标须附佐证材料', 'Self-scored items need their evidence attached'),
  },
  'assessment.line_computed': {
    status: 422,
    title: msg(
      '该指标由系统按实时数据计算，不能自填',
      'This item is computed from live records, not typed in',
    ),
  },
  'assessment.not_editable': {
    status: 409,
    title: msg('考评表当前所处环节不能修改', 'The score sheet cannot be changed at this stage'),
  },
  'assessment.nothing_approved': {
    status: 422,
    title: msg('没有待公示的已审定考评表', 'No approved score sheet is waiting for a notice'),
  },
  'assessment.notice_closed': { status: 422, title: msg('公示期已结束', 'The public notice has ended') },
  'assessment.notice_running': {
    status: 422,
    title: msg('公示期尚未结束', 'The public notice is still running'),
  },
  'assessment.objections_open': {
    status: 422,
    title: msg('仍有未答复的异议', 'Some objections are still unanswered'),
  },
  'assessment.star_not_earned': {
    status: 422,
    title: msg('星级超过该村（社区）达标的星数', 'More stars than the village earned'),
  },
  'assessment.rise_too_far': {
    status: 422,
    title: msg('星级一年最多晋升一级', 'A village rises at most one star level a year'),
  },
  'assessment.quota_exceeded': {
    status: 422,
    title: msg('该星级名额已满', 'The quota for this star level is full'),
  },
  'survey.not_editable': {
    status: 409,
    title: msg(
      '测评已开始，问卷和抽样规则不能再改',
      'The survey has started; its questions and sampling are fixed',
    ),
  },
  'survey.not_open': { status: 422, title: msg('该测评当前不接受答卷', 'The survey is not taking answers') },
  'survey.already_answered': {
    status: 409,
    title: msg('该户已经作答，每户只能答一次', 'This household has answered; one answer per household'),
  },
  'survey.not_sampled': {
    status: 422,
    title: msg('该户不在本次测评的抽样范围内', 'This household is not in the survey’s sample'),
  },
  'survey.no_households': {
    status: 422,
    title: msg('测评范围内没有可抽样的农户', 'No households to sample under the survey’s owner'),
  },
  'workflow.transition_not_allowed': {
    status: 422,
    title: msg('当前状态下不能执行此操作', 'This action is not allowed in the current state'),
  },
  'service.unavailable': { status: 503, title: msg('服务暂不可用', 'Service unavailable') },
  internal: { status: 500, title: msg('服务器内部错误', 'Internal server error') },
  'command.alert_closed': {
    status: 409,
    title: msg('该预警已处置或已撤销', 'The alert has already been acted on or dismissed'),
  },
  'command.no_council': {
    status: 422,
    title: msg(
      '该预警所在村（社区）没有议事会，或预警不针对某一类诉求，不能转为协商议题',
      'The alert is not about one category in a village with a council, so it cannot become a topic',
    ),
  },
  'command.invalid_rule': {
    status: 422,
    title: msg('预警规则的取值不合理', 'The warning rule has values that do not fit together'),
  },
  'command.level_unsupported': {
    status: 422,
    title: msg(
      '驾驶舱只按区、镇（街道）、村（社区）和网格展示',
      'The command view shows districts, towns, villages and grids',
    ),
  },
  'alliance.invalid': {
    status: 422,
    title: msg('共同体的信息不完整或不合理', 'The alliance request has missing or unfitting values'),
  },
  'alliance.exists': {
    status: 409,
    title: msg('该组织已经牵头组建了区域党建共同体', 'This organisation already convenes an alliance'),
  },
  'alliance.not_member': {
    status: 422,
    title: msg('该单位不是本共同体的成员单位', 'The unit is not a member of this alliance'),
  },
  'alliance.no_capacity': {
    status: 409,
    title: msg('该资源已被约满，不能再对接', 'The resource is fully booked'),
  },
  'alliance.wrong_state': {
    status: 409,
    title: msg('当前状态下不能进行此操作', 'Not possible in the current state'),
  },
  'talent.invalid': {
    status: 422,
    title: msg('人才信息不完整或不合理', 'The talent profile has missing or unfitting values'),
  },
  'talent.duplicate': {
    status: 409,
    title: msg(
      '该人才已在人才库中（手机号或党员重复）',
      'This person is already in the pool (same phone or member)',
    ),
  },
  'talent.no_consent': {
    status: 409,
    title: msg('该人才未同意被联系', 'The talent has not agreed to be contacted'),
  },
  'talent.wrong_state': {
    status: 409,
    title: msg('该任用已结束，不能再次结束', 'The assignment has already ended'),
  },
  'talent.already_assigned': {
    status: 409,
    title: msg('该人才已在对接此项需求', 'The talent is already at work on this need'),
  },
  'talent.need_closed': {
    status: 409,
    title: msg('该需求、岗位或议题已结束，不能再安排人才', 'The need is closed to new assignments'),
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalog;

export type FieldError = { field: string; message: string };

export type AppErrorOptions = {
  detail?: Message;
  errors?: FieldError[];
  /** Extra members of the problem document, e.g. retryAfterSeconds. */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: AppErrorOptions = {},
  ) {
    super(options.detail?.en ?? errorCatalog[code].title.en);
    this.status = errorCatalog[code].status;
  }
}

export const notFound = (): AppError => new AppError('record.not_found');

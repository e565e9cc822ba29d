"""Every enumeration of the ledger, with the Chinese labels exactly as DESIGN.md writes them.

The labels are stored in the database and travel in the data package as they are, so this
module is the single place that declares them.
"""

GENDERS = ("男", "女")

MEMBER_STATUSES = ("在册", "转出", "停止党籍", "出党", "去世")
ACTIVE_STATUS = "在册"

# Derived from development_steps, never typed; listed in pipeline order.
CATEGORIES = ("入党申请人", "入党积极分子", "发展对象", "预备党员", "正式党员")

EDUCATIONS = (
    "研究生", "大学本科", "大学专科", "中等专科", "高中", "初中及以下",
)

# How a member's dues are computed (中组发〔2008〕3号).
DUES_CLASSES = ("在职", "离退休", "农民", "学生", "下岗失业", "享受低保")

ORG_TYPES = ("党支部", "联合党支部", "临时党支部")

SECRETARY = "书记"
COMMITTEE_ROLES = (
    "书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "统战委员", "保密委员", "委员",
)

MEETING_KINDS = (
    "支部党员大会", "支部委员会", "党小组会", "党课", "主题党日",
    "组织生活会", "民主评议党员", "专题学习", "其他",
)
# 三会一课: the kinds counted for attendance (ACT-ATTENDANCE).
THREE_MEETINGS_ONE_LESSON = ("支部党员大会", "支部委员会", "党小组会", "党课")

ATTENDANCE_STATUSES = ("出席", "请假", "缺席")

TRAINING_KINDS = ("集中培训", "网络学习", "专题辅导", "党校培训", "自学", "其他")

VOLUNTEER_KINDS = ("志愿服务", "办实事", "其他")

POST_KINDS = ("先锋岗", "示范岗", "责任区", "突击队")

RATINGS = ("优秀", "合格", "基本合格", "不合格")

RECTIFICATION_STATUSES = ("未开始", "整改中", "已完成")

# Outcome of the 支部大会 on a 预备党员 (step 23).
PROBATION_OUTCOMES = ("按期转正", "延长预备期", "取消预备党员资格")

# 佐证材料 (attachments): what the file is, and the tables whose records can carry one.
ATTACHMENT_KINDS = ("照片", "签到表", "扫描件", "文件")
ATTACHMENT_PHOTO = "照片"
ATTACHMENT_SIGNIN = "签到表"
ATTACHMENT_SCAN = "扫描件"
ATTACHMENT_FILE = "文件"
ATTACHMENT_OWNER_TABLES = (
    "meetings", "trainings", "volunteer_activities", "pioneer_posts", "rectifications", "checklist",
    "development_steps", "talks",
)

AUDIT_ACTIONS = ("新增", "修改", "删除", "恢复", "彻底删除")

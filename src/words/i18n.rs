//! The one string catalogue (zh-CN first, English second) and the number/date formats of the UI.

use serde::{Deserialize, Serialize};

use crate::words::display::fixed;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

macro_rules! catalogue {
    ($( $key:ident => $zh:literal, $en:literal; )*) => {
        /// Every user-visible string has a key here; `tr` gives it in the chosen language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $( $key, )* }

        impl Text {
            pub const ALL: &'static [Text] = &[ $( Text::$key, )* ];
            // Each language one text, its strings split apart on first use: not a match (a
            // thousand keys' arms were 32 KB of the page's code), and not a table of string
            // pointers in the module's data either (16 KB that hardly compresses).
            const ZH: &'static str = concat!($( $zh, "\u{1f}", )*);
            const EN: &'static str = concat!($( $en, "\u{1f}", )*);
            /// Every English string as one text: the worker's module carries it, and the page
            /// asks the worker for it when English is first chosen (`install_english`), so the
            /// page's first visit does not carry a language most of its planners never open.
            pub fn english() -> &'static str {
                Self::EN
            }
            pub fn tr(self, lang: Lang) -> &'static str {
                use std::sync::OnceLock;
                static ZH: OnceLock<Vec<&'static str>> = OnceLock::new();
                let zh = || ZH.get_or_init(|| split(Self::ZH));
                match lang {
                    Lang::Zh => zh()[self as usize],
                    Lang::En => english_strings().unwrap_or_else(zh)[self as usize],
                }
            }
        }
    };
}

fn split(text: &str) -> Vec<&str> {
    text.split('\u{1f}').collect()
}

static EN_STRINGS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// The English strings, once installed. Natively (tests, plan-sim) they are always there; in
/// the page's module, once the worker has sent them (until then English reads as Chinese, and
/// the page does not offer English before it has them).
fn english_strings() -> Option<&'static Vec<&'static str>> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(EN_STRINGS.get_or_init(|| split(Text::english())));
    #[cfg(target_arch = "wasm32")]
    EN_STRINGS.get()
}

/// Takes the English text (`Text::english` of the same build); false when it is not one string
/// per key, and English stays unavailable.
pub fn install_english(text: &'static str) -> bool {
    let strings = split(text);
    // The texts end with the separator: one empty piece after the last string.
    if strings.len() == Text::ALL.len() + 1 {
        let _ = EN_STRINGS.set(strings);
    }
    english_ready()
}

/// Whether English can be shown.
pub fn english_ready() -> bool {
    english_strings().is_some()
}

catalogue! {
    AppTitle => "棚改规划", "Shantytown Renovation Planner";
    AppSubtitle => "棚户区改造项目、安置与融资测算", "Shantytown renovation projects, resettlement and financing";
    NavProjects => "项目清单", "Projects";
    NavResettlement => "安置方式", "Resettlement";
    NavFinancing => "融资方式", "Financing";
    NavResults => "测算结果", "Results";
    NavCompare => "方案对比", "Compare";
    LoadDemo => "载入示例方案", "Load demo plan";
    LangToggle => "English", "中文";
    PlanLabel => "方案", "Plan";
    Scenario => "情景", "Scenario";
    Baseline => "基准方案", "Baseline";

    ColName => "项目名称", "Project";
    ColDistrict => "区县", "District/county";
    ColLocation => "城市/区县", "City or county";
    ColType => "类型", "Type";
    ColYear => "计划年度", "Year";
    ColStatus => "状态", "Status";
    ColHouseholds => "征收户数", "Households";
    ColArea => "征收面积（m²）", "Area (m²)";
    ColInvestment => "总投资（万元）", "Investment (10k yuan)";
    ColMonetized => "货币化安置率", "Monetized rate";
    ColProjectMonetized => "本项目货币化安置率", "The project's monetized rate";
    ColInvestmentWan => "总投资（万元）", "Investment (10k yuan)";
    ColRepayment => "偿债来源（土地收入/债务本息覆盖倍数）", "Repaid by (land revenue / debt service cover)";
    TotalRow => "合计", "Total";
    FbTitle => "资金平衡方案", "Fund-balance plan";
    FbOpen => "资金平衡", "Fund balance";
    FbWholeDistrict => "{0}全部项目", "every project of {0}";
    FbInvestment => "投资构成", "Investment by item";
    FbYearly => "资金来源、项目收益与还本付息", "Sources, income and debt service";
    FbCompensation => "征收补偿方案", "Expropriation and compensation plan";
    FbItem => "项目", "Item";
    FbAmount => "金额（万元）", "Amount (10k yuan)";
    FbValue => "内容", "Value";
    FbSources => "资金来源合计", "Sources";
    FbDebtService => "还本付息合计", "Debt service";
    FbBalance => "当年结余", "Balance";
    FbCumulative => "累计结余", "Cumulative balance";
    FbCoverage => "收益覆盖倍数 PV(收益) / PV(还本付息)：{0}（评审要求不低于 {1}）", "Coverage PV(income) / PV(debt service): {0} (appraisal threshold {1})";
    FbNoDebt => "项目无贷款与专项债，无需还本付息", "The project has no loans or bonds to repay";
    FbTransitionMonths => "过渡期（月）", "Transition (months)";
    ColYearHeader => "年度", "Year";
    ChartFunding => "资金来源（按年度）", "Sources of funds by year";
    ChartFiscal => "财政负担（按年度）", "Fiscal burden by year";
    ChartMonetized => "货币化安置率与目标", "Monetized rate against targets";
    ChartMix => "安置方式（户数）", "Resettlement mix (households)";
    ChartDebt => "年末债务余额", "Debt outstanding at year end";
    UnitYi => "亿元", "×10⁸ yuan";
    PppRoom => "PPP支出上限余量", "Room under the PPP cap";
    Target => "目标", "Target";
    InCentralCity => "位于中心城市", "In the central city";
    FieldLead => "包抓领导", "Leader";
    FieldPost => "领导职务", "Leader's post";
    FieldUnit => "责任单位", "Responsible unit";
    SectionResponsibility => "包抓责任", "Responsibility";
    DutyIsLeaders => "空白：包抓领导本人", "Blank: the leader";
    DutyProgress => "包进度", "Schedule duty";
    DutyCoordination => "包协调", "Coordination duty";
    DutyExpropriation => "包征收", "Expropriation duty";
    DutyResettlement => "包安置", "Resettlement duty";
    DutyConstruction => "包建设", "Construction duty";
    DutyInvestment => "包招商", "Investment duty";
    DutyStability => "包维稳", "Stability duty";
    FieldComment => "备注/意见", "Remarks";
    CityDefault => "全市默认", "city default";
    None => "无", "none";
    PlanName => "方案名称", "plan name";
    Removed => "（已删除）", "(deleted)";
    ScenarioSummary => "{0}（{1} 项修改）", "{0} ({1:edit|edits})";
    ErrNoDistrictProjects => "文件中没有“{0}”的项目：请确认这是该区县的报送文件", "the file has no project of {0}: is it that county's submission?";
    ErrIdOfOtherDistrict => "项目“{0}”的编号 {1} 已被{2}的项目使用", "project {0} has id {1}, which a project of {2} already uses";
    RowPlan => "修改 {0}", "change {0}";
    RowProjectAdded => "新增项目 {0}", "add project {0}";
    RowProjectRemoved => "删除项目 {0}", "delete project {0}";
    RowProjectChanged => "修改项目 {0}", "change project {0}";
    RowScenarioAdded => "新增情景 {0}", "add scenario {0}";
    RowScenarioRemoved => "删除情景 {0}", "delete scenario {0}";
    RowScenarioChanged => "修改情景 {0}", "change scenario {0}";
    ScenarioNameLabel => "情景名称", "scenario name";
    ScenarioNoteLabel => "情景说明", "scenario note";
    ScenarioEditNo => "第 {0} 项修改", "edit {0}";
    OrderFrom => "第 {0} 位起：{1}…", "from place {0}: {1}…";
    RowProjectOrder => "项目顺序", "order of projects";
    RowScenarioOrder => "情景顺序", "order of scenarios";
    AssumptionChoices => "测算选项（还款方式、PPP 计算方式等）", "calculation choices (repayment, PPP formula)";
    LandAmount => "土地出让收入", "Land revenue";
    LandStart => "首次出让（计划年度后第几年）", "First sale (years after start)";
    LandYears => "分几年出让", "Sold over (years)";
    AutoBalanced => "自动平衡", "balances automatically";
    MixSum => "合计", "Sum";
    CostDefault => "全市默认", "City default";
    ResetDefault => "恢复默认", "Reset to default";
    Overridden => "本项目单独设定", "Set for this project";
    EditorTitle => "编辑项目", "Edit project";
    Close => "关闭", "Close";
    AddProject => "新增项目", "Add project";
    NewProjectName => "新项目", "New project";
    Duplicate => "复制", "Duplicate";
    Delete => "删除", "Delete";
    Edit => "编辑", "Edit";
    Undo => "撤销删除", "Undo delete";
    Deleted => "已删除", "Deleted";
    FilterAll => "全部", "All";
    Filters => "筛选", "Filter";
    Actions => "操作", "Actions";
    InvalidNotKept => "标红的输入有误，改正前不计入测算结果。", "Inputs marked red are invalid and stay out of the results until corrected.";
    SectionBasics => "基本信息", "Basics";
    SectionCosts => "成本参数", "Cost drivers";
    SectionTargets => "考核目标与上限", "Targets and caps";
    SectionBudget => "预算与折现", "Budget and discounting";
    SectionLoan => "政策性银行贷款", "Policy-bank loans";
    SectionService => "政府购买服务", "Government purchase of services";
    SectionPpp => "PPP", "PPP";
    SectionBond => "棚改专项债", "Special bonds";
    NavAssumptions => "目标与假设", "Targets & assumptions";
    SectionPlan => "规划", "Plan";
    SectionWeigh => "测算", "Weigh";
    SectionFollow => "执行", "Follow";
    SectionShare => "协作与报告", "Share & report";
    NavLabel => "页面", "Pages";
    NavTeam => "协作", "Team";
    NavRisk => "风险", "Risk";
    OptimizeButton => "求最优方案", "Optimize";
    OptimizeTitle => "最优方案：财政负担最小且满足全部目标与上限", "Optimum: the least fiscal burden that meets every target and cap";
    OptimizeHint => "逐个项目选择安置方式与融资方式的比例：满足全期及每个计划年度的货币化目标、PPP 10% 上限与新机制、资本金不低于 20%、专项债覆盖倍数，以及下列设置。结果作为新情景并设为当前情景；以同样目标再次求解时替换上次的结果。", "Chooses each project's resettlement and financing shares to meet the monetized targets over the window and in every planned year, the 10 % PPP cap and the new mechanism, capital fund ≥ 20 %, the bonds' coverage and the settings below; the answer becomes the active scenario, and solving again for the same objective replaces the last answer.";
    OptimizeObjective => "最小化", "Minimize";
    OptimizeDistricts => "各区县分别达到目标", "Each district's own target";
    OptimizeTier => "PPP 支出不超过 5% 红线", "PPP within the 5 % line";
    OptimizeServicePurchase => "允许新项目采用政府购买服务（财政部令第102号不允许）", "Allow service purchase for new projects (MoF Order No. 102 does not)";
    OptimizeMaxCash => "货币补偿比例上限", "Cash compensation at most";
    OptimizeMinInKind => "新建安置比例下限", "New build at least";
    OptimizeStock => "可收购的存量商品房（户）", "Existing housing the government can buy (households)";
    OptimizeFloorCol => "新建安置下限", "New build at least";
    OptimizeCredit => "政策性银行授信额度", "Policy-bank credit line";
    OptimizeCeiling => "年度财政负担上限", "Yearly fiscal burden ceiling";
    OptimizeDebt => "年末债务余额上限", "Debt outstanding ceiling";
    OptimizeBondCoverage => "专项债覆盖倍数下限", "Bond coverage floor";
    OptimizeRun => "开始求解", "Solve";
    GoalQuestion => "求解什么", "What to seek";
    OptimizeReplaces => "将替换已有情景「{0}」", "replaces the scenario “{0}”";
    OptimizeBondCoverageHint => "每个专项债项目的覆盖倍数（收益现值 ÷ 还本付息现值）不低于此值；留空按方案的评审门槛 {0} 倍，最低 1.00 倍（自平衡）。", "Every bond-financed project's coverage (PV of income ÷ PV of debt service) at least this; empty: the plan's appraisal threshold, {0}; at least 1.00 (self-balance).";
    OptimizeFound => "财政负担现值由 {0} 万元降至 {1} 万元（节省 {2} 万元），用时 {3} 毫秒；已作为新情景。", "Fiscal burden PV from {0} to {1} (saving {2}, 10k yuan) in {3} ms; added as a scenario.";
    OptimizeInfeasible => "各项目标与上限无法同时满足。需放宽的限制：", "The targets and caps cannot all hold. What must give:";
    OptimizeSolving => "求解中：第 {0} 轮", "Solving: round {0}";
    OptimizePolishing => "按 {0} 步长微调：{1} / {2} 个项目", "Polishing in steps of {0}: {1} of {2} projects";
    OptimizePricing => "测算目标的影子价格：{0} / {1}", "Pricing the targets: {0} of {1}";
    OptimizeStale => "求解期间方案已修改，结果未采用；请重新求解。", "The plan changed during the run; its answer was not taken. Solve again.";
    OptimizeChanges => "共调整 {0} 处", "{0:change|changes}";
    OptimumInfeasible => "各项目标与上限无法同时满足：见上方需放宽的限制", "the targets and caps cannot all hold: see the relaxations above";
    OptimumName => "最优方案（{0}最小）", "Optimum (least {0})";
    OptimumNote => "优化前 {0} 万元，优化后 {1} 万元", "before {0}, after {1} (10k yuan)";
    LimitTarget => "{0}货币化安置目标", "the monetized target of {0}";
    LimitPppCap => "{0}年 PPP 支出 10% 上限", "the 10 % PPP cap in {0}";
    LimitPppTier => "{0}年 PPP 支出 5% 红线", "the 5 % PPP line in {0}";
    LimitCredit => "政策性银行授信额度", "the policy-bank credit line";
    LimitBurden => "{0}年财政负担上限", "the fiscal-burden ceiling in {0}";
    LimitDebt => "{0}年债务余额上限", "the debt ceiling in {0}";
    LimitStock => "{0}可收购的存量商品房", "the housing stock the government can buy in {0}";
    LimitFloor => "各项目新建安置比例下限", "every project's new-build floor";
    PerPoint => "每提高 1 个百分点", "each percentage point more";
    PerWan => "每收紧 1 万元", "each 10k yuan tighter";
    PerHousehold => "每少 1 户", "each household less";
    PerHundredHomes => "每增加 100 套房源", "each 100 homes more";
    LimitMarketStock => "{0}年底前{1}房源库可用房源", "the housing stock open to {1}'s households by the end of {0}";
    StockLimitPrice => "{0}：每增加 100 套房源，{1}减少 {2} 万元", "{0}: each 100 homes more lowers {1} by {2} (10k yuan)";
    PerCoverageTenth => "每提高 0.1 倍", "each 0.1 more";
    LimitBondCoverage => "各专项债项目的覆盖倍数下限", "every bond-financed project's coverage floor";
    LimitPrice => "{0}：{1}，{2}增加 {3} 万元", "{0}: {1} raises {2} by {3} (10k yuan)";
    TargetPrice => "每提高 1 个百分点的{0}货币化率，{1}增加 {2} 万元", "each percentage point more of {0}'s monetized rate raises {1} by {2} (10k yuan)";
    LimitRelaxed => "{0}无法满足：至少需放宽 {1}", "{0} cannot hold: it must give at least {1}";
    Wan => "万元", "10k yuan";
    RiskTornadoTitle => "敏感性分析：哪个因素影响最大", "Sensitivity: which driver matters most";
    RiskMeasure => "衡量指标", "Measure";
    RiskDriverCol => "因素", "Driver";
    RiskSwing => "波动幅度", "Swing";
    WhatIfTitle => "假如{0}变动", "What if {0} changes";
    WhatIfChange => "变动 {0}%", "Change {0} %";
    WhatIfMonths => "滞后 {0} 个月", "{0} months late";
    RangeLow => "最低", "Low";
    RangeMode => "最可能", "Most likely";
    RangeHigh => "最高", "High";
    RiskRangesTitle => "不确定性范围", "Uncertainty ranges";
    RiskRangesHint => "每个因素相对方案取值的变动范围（三角分布：最低、最可能、最高）；审批滞后以月计：未办结的手续晚于计划日期的月数，资金等其闸门。各因素相互独立抽样；范围随方案保存。", "Each driver's change from the plan's value (triangular: low, most likely, high); approvals late is in months: how much later than planned the steps not yet done come, the money waiting for its gates. Drivers are drawn independently; the ranges are saved with the plan.";
    TornadoSlipNote => "审批滞后按 −2、−1、+1、+2 个月计；早于计划不改变方案（计划日期即最好情形）。", "Approvals late moves by −2, −1, +1 and +2 months; earlier than planned changes nothing (the planned days are the best case).";
    LateStartTitle => "资金晚到与年度开工任务", "Money too late for the year's starts";
    LateStartHint => "各年度未开工项目的资金闸门打开晚于开工期限（该年度「施工许可」期限，无则12月）的户数：按目前进度，及各次抽样中出现的概率与户数分布。", "Households of each year's projects not yet started whose money opens after the year's start deadline (the year's construction-permit deadline, else December): as things stand, and the odds and spread over the draws.";
    LateStartDeadline => "开工期限", "Start deadline";
    LateStartTask => "任务户数", "Households planned";
    LateStartNow => "按目前进度晚到户数", "Late as things stand";
    LateStartOdds => "资金晚到的概率", "Odds money comes too late";
    LateStartP50 => "晚到户数 P50", "Late households P50";
    LateStartP90 => "晚到户数 P90", "Late households P90";
    RiskDraws => "模拟次数", "Draws";
    RiskSeed => "随机种子", "Seed";
    RiskCeiling => "年度财政负担上限", "Yearly fiscal burden ceiling";
    RiskRunTitle => "蒙特卡洛模拟", "Monte Carlo simulation";
    RiskRun => "开始模拟", "Run";
    RiskProgress => "已完成 {0} / {1} 次", "{0} of {1} draws";
    Cancel => "取消", "Cancel";
    RiskRanWith => "{0} 次模拟，随机种子 {1}，用时 {2} 毫秒。", "{0} draws, seed {1}, {2} ms.";
    RiskStale => "方案或设置已修改：以上为修改前的结果，请重新模拟。", "The plan or the settings changed since: run again.";
    RiskInfluence => "影响最大的因素（与财政负担现值的秩相关系数）", "Drivers that matter most (rank correlation with the fiscal-burden PV)";
    BreachWhat => "风险事件", "Event";
    BreachOdds => "发生概率", "Probability";
    BreachPppCap => "任一年 PPP 支出超过 10% 红线", "PPP share above the 10 % cap in some year";
    BreachPppTier => "任一年 PPP 支出超过 5%（不得新上政府付费项目）", "PPP share above 5 % (no new government-pay PPP) in some year";
    BreachCeiling => "任一年财政负担超过设定上限", "Fiscal burden above the ceiling in some year";
    BreachMissed => "{0}货币化安置率低于目标 {1}", "{0} monetized rate below its target {1}";
    TeamPreparedBy => "编制人", "Prepared by";
    PreparedName => "编制人姓名", "Name";
    PreparedOffice => "编制单位", "Office";
    TeamCompareTitle => "对比合并同事的文件", "Compare and merge a colleague's file";
    TeamCompareHint => "选择或拖入同事发回的方案文件（JSON）：逐项列出对方的修改，采纳或不采纳；确认前方案不会改变，合并后可一步撤销。", "Pick or drop the plan file a colleague sent back (JSON): each of their changes is listed to accept or reject; nothing changes until you confirm, and one undo takes the merge back.";
    TeamCompareFile => "选择文件对比", "Choose a file to compare";
    TeamDropHere => "或把文件拖到这里", "or drop it here";
    TeamSubmissions => "区县报送", "County submissions";
    TeamLog => "修改记录", "Change log";
    MergeUndecided => "还有 {0} 处冲突未选择：请选“用对方的”或“保留本方”", "{0} conflicts still need a choice: take theirs or keep ours";
    MergeTitle => "对比文件 {0}（{1}）", "Comparing {0} ({1})";
    SubmissionTitle => "{0} 报送：{1}", "Submission of {0}: {1}";
    NotACopy => "这不是同一方案的副本，按新方案导入？", "This is not a copy of the same plan. Import it as a new plan?";
    ImportAsNew => "按新方案导入", "Import as a new plan";
    CompareAnyway => "仍然对比", "Compare anyway";
    AcceptAll => "全部采纳", "Accept all";
    RejectAll => "全部不采纳", "Reject all";
    ApplyChosen => "按所选合并", "Merge as chosen";
    DiffCount => "共 {0} 处不同", "{0} differences";
    ShowMore => "显示更多（还有 {0} 处）", "Show more ({0} left)";
    RelationOtherCity => "对方文件是另一个城市的方案。", "The file is another city's plan.";
    RelationOtherYears => "对方文件的计划年度与本方案不同。", "The file plans other years.";
    RelationUnrelated => "对方文件与本方案没有一个相同编号的项目。", "The file has no project id in common with this plan.";
    MergeThreeWay => "三方合并：以双方共同的版本（修订号 {0}）为底稿，只列出对方改过的地方；双方都改过的标为冲突，由您选择。", "Three-way: against the revision both started from ({0}), only what they changed is listed; what both changed is a conflict for you to choose.";
    MergeBaseMissing => "文件基于修订号 {0}，本浏览器已没有这一版本：按两方对比，列出对方与本方的所有不同。", "The file was derived from revision {0}, which this browser no longer has: every difference is listed.";
    MergeTwoWay => "两方对比：列出对方文件与本方案的所有不同。", "Two-way: every difference between the file and this plan is listed.";
    MergeMetric => "指标", "Measure";
    MergeNow => "本方现在", "Now";
    MergeAfterAll => "全部采纳后", "After accepting all";
    MergeDifference => "变化", "Change";
    TakeTheirs => "用对方的", "Take theirs";
    KeepOurs => "保留本方", "Keep ours";
    Accept => "采纳", "Accept";
    Reject => "不采纳", "Reject";
    Conflict => "冲突", "Conflict";
    Ours => "本方", "Ours";
    Theirs => "对方", "Theirs";
    SubmissionStatus => "报送情况", "Status";
    SubmissionAt => "报送时间", "Received";
    SubmissionBy => "报送人", "From";
    SubmissionProjects => "项目数", "Projects";
    SubmissionInvestment => "总投资", "Investment";
    SubmissionChanges => "较上次", "Since last";
    Submitted => "已报送（第 {0} 次）", "submitted ({0}×)";
    NotSubmitted => "未报送", "not submitted";
    TallyText => "新增 {0}，删除 {1}，修改 {2}", "{0} added, {1} removed, {2} changed";
    TakeSubmission => "导入报送文件", "Take its file";
    LogMore => "{0} 等 {1} 项修改", "{0} and more ({1:change|changes})";
    ImportCompare => "对比并合并", "Compare and merge";
    TargetCentral => "中心城市货币化目标", "Central-city monetized target";
    TargetCounties => "区县货币化目标", "County monetized target";
    TargetOverall => "全市货币化目标（省考核）", "Whole-city monetized target";
    PppCapLabel => "PPP支出上限（占一般公共预算支出）", "PPP cap (share of budget expenditure)";
    PppNewThreshold => "新上政府付费PPP门槛", "Threshold for new government-pay PPP";
    BudgetFirstYear => "一般公共预算支出（首年）", "Budget expenditure (first year)";
    BudgetGrowth => "预算支出年增长", "Budget growth per year";
    OtherPpp => "其他PPP项目年支出", "Other PPP spending per year";
    DiscountRate => "折现率", "Discount rate";
    MinCapital => "资本金最低比例", "Minimum capital fund";
    BondThreshold => "专项债覆盖倍数评审门槛", "Bond coverage appraisal threshold";
    Rate => "年利率", "Annual rate";
    TermYears => "期限（年）", "Term (years)";
    GraceYears => "宽限期（年）", "Grace period (years)";
    RepaymentMethod => "还款方式", "Repayment";
    EqualPrincipal => "等额本金", "Equal principal";
    EqualInstalment => "等额本息", "Equal instalments";
    ServiceMargin => "服务费加成", "Service margin";
    ContractYears => "合同期（年）", "Contract (years)";
    PppForm => "付费公式", "Payment formula";
    PppFormMof21 => "财金〔2015〕21号公式", "MoF Finance [2015] No. 21 formula";
    PppFormAnnuity => "年金公式", "Annuity";
    PppFormConcession => "特许经营（仅补贴运营）", "Concession (operating subsidy only)";
    FindingServicePurchaseNew => "{0} 新项目以政府购买服务融资 {1} 万元：工程、工程与服务打包及融资行为不得作为政府购买服务（{2}）", "{0}: a new project financing {1} (10k yuan) by government purchase of services; works, works bundled with services and financing may not be bought as services ({2})";
    FindingPppNewMechanism => "{0} PPP建设投资 {1} 万元由政府付费承担：新项目须为使用者付费的特许经营，政府只能补贴运营（{2}）", "{0}: PPP construction of {1} (10k yuan) paid by the government; new projects must be user-pays concessions with operating subsidies only ({2})";
    PppProfit => "合理利润率 r / 回报率 k", "Profit rate r / return k";
    PppDiscount => "年度折现率 d", "Discount rate d";
    PppYears => "补贴期 T（年）", "Subsidy period T (years)";
    PppOpRate => "年运营成本（占建设成本）", "Operating cost (share of C per year)";
    PppUserRate => "使用者付费（占建设成本）", "User payments (share of C per year)";
    PppCapitalRatio => "PPP项目资本金比例", "PPP project capital ratio";
    PppEquityShare => "政府出资占项目公司股权比例", "Government share of the project company's equity";
    PppRiskConstruction => "风险承担（比例法）：占建设成本", "Retained risk (ratio method): share of construction cost";
    PppRiskOperating => "风险承担（比例法）：占运营成本", "Retained risk (ratio method): share of operating cost";
    PppRiskBase => "风险承担（情景分析法）：基本情景支出", "Retained risk (scenarios): base-case expenditure";
    PppRiskAdverse => "不利情景支出", "Adverse-case expenditure";
    PppRiskWorst => "最坏情景支出", "Worst-case expenditure";
    PppRiskPBase => "基本情景概率", "Base-case probability";
    PppRiskPAdverse => "不利情景概率", "Adverse-case probability";
    PppRiskPWorst => "最坏情景概率", "Worst-case probability";
    PppSupporting => "配套投入（政府投入）", "Supporting inputs (the government's)";
    PppPartnerPays => "其中社会资本承担", "of which the partner pays";
    PppRiskMethod => "风险承担测算方法", "Retained-risk method";
    PppRiskCity => "按全市比例法参数", "City-wide ratios";
    PppRiskRatio => "比例法", "Ratio method";
    PppRiskScenarios => "情景分析法", "Scenario analysis";
    PppInputsTitle => "PPP 财政支出（财金〔2015〕21号）", "PPP fiscal spending (MoF Finance [2015] No. 21)";
    DescPppInputs => "PPP 财政支出参数", "PPP spending inputs";
    BondBullet => "到期一次还本", "Principal at maturity";
    BondAmortizing => "分年等额还本", "Equal principal each year";
    CostCompensationPrice => "补偿单价", "Compensation price";
    CostIncentive => "货币化安置奖励", "Monetization incentive";
    CostPurchasePrice => "存量房购买单价", "Existing-housing purchase price";
    CostConstruction => "安置房建安单价", "Construction cost";
    CostFlatArea => "安置房套型面积", "Flat size";
    CostPersons => "户均人口", "Persons per household";
    CostTransitionFee => "过渡费标准", "Transition fee";
    CostConstructionMonths => "签约至交房月数", "Months to handover";
    CostExtraMonths => "交房后加付过渡费月数", "Extra fee months after handover";
    CostRelocation => "搬迁费（每次）", "Relocation fee (per move)";
    CostReward => "户均奖励", "Rewards per household";
    KpiInvestment => "总投资", "Total investment";
    KpiMonetizedOverall => "全市货币化安置率", "Monetized rate, whole city";
    KpiMonetizedCentral => "中心城市货币化安置率", "Monetized rate, central city";
    KpiMonetizedCounties => "区县货币化安置率", "Monetized rate, counties";
    KpiPeakFiscal => "财政负担峰值", "Peak fiscal burden";
    KpiFiscalPv => "财政负担现值", "Present value of fiscal burden";
    KpiPppShare => "PPP支出占比最高", "Highest PPP share";
    KpiWait => "实物安置平均等待", "Average wait, in kind";
    Months => "个月", " months";
    Pass => "达标", "met";
    Miss => "未达标", "missed";
    Cap => "上限", "cap";
    FindingsTitle => "测算发现", "Findings";
    NoFindings => "未发现未达标或超限的情况。", "No target missed, no cap exceeded.";
    YearlyTable => "年度测算表（万元）", "Yearly results (10k yuan)";
    ChartsTitle => "图表", "Charts";
    MixTableResettlement => "各项目安置方式", "Resettlement mix by project";
    MixTableFinancing => "各项目融资方式", "Financing mix by project";
    RatesByDistrict => "各区县货币化安置率", "Monetized rate by district/county";
    Households => "户", " households";
    NewPlan => "新建方案", "New plan";
    NewPlanName => "新方案", "New plan";
    RenamePlan => "重命名", "Rename";
    RenamePrompt => "方案名称：", "Plan name:";
    DuplicatePlan => "复制方案", "Duplicate plan";
    DeletePlan => "删除方案", "Delete plan";
    DeleteConfirm => "确定删除方案", "Delete the plan";
    ExportPlan => "导出 JSON", "Export JSON";
    ImportPlan => "导入 JSON", "Import JSON";
    ImportCsv => "导入项目清单（CSV/Excel）", "Import project list (CSV/Excel)";
    ExportProjectsCsv => "项目清单 CSV", "Projects CSV";
    ExportYearlyCsv => "年度测算 CSV", "Yearly CSV";
    ImportSameId => "已有编号相同的方案：逐项对比后合并，替换它，还是两者都保留？", "A plan with this id exists: compare and merge, replace it, or keep both?";
    ImportReplace => "替换", "Replace";
    ImportKeepBoth => "两者都保留", "Keep both";
    ConflictWarning => "此方案已在另一窗口中修改并保存。为免互相覆盖，本页已暂停自动保存。", "This plan was changed and saved in another tab. Autosave here is paused so neither overwrites the other.";
    ReloadStored => "载入已保存的版本", "Load the saved version";
    ReadOnly => "只读：此方案由更新版本写入，本页的修改不会保存。", "Read-only: written by a newer version; changes here are not saved.";
    EnglishUnavailable => "英文界面未能载入（后台模块未能加载），请稍后重试。", "English could not be loaded (the background module did not load); try again later.";
    ReloadedFromOtherTab => "已载入另一窗口保存的修改（可撤销）。", "Loaded the changes saved in another tab (undo takes them back).";
    MergedFromOtherTab => "已合并另一窗口保存的修改：与本页的修改互不相干，两边都保留（可撤销）。", "Merged the changes saved in another tab: they touch other things than yours, so both are kept (undo takes them back).";
    OtherTab => "另一窗口保存的版本", "the version saved in another tab";
    StoreFullShort => "浏览器存储已满", "Browser storage is full";
    StoreUnavailableShort => "浏览器存储不可用", "Browser storage is unavailable";
    StoreOtherShort => "无法写入浏览器存储（{0}）", "Cannot write to browser storage ({0})";
    EditsNotSaved => "{1}：方案「{0}」最近的修改未能保存，只在本页中；已保存的版本未改动。请导出方案（文件 → 导出 JSON），或删除不用的方案后再修改一次以重试。", "{1}: the latest changes to \"{0}\" were not saved and are only in this page; the saved version is unchanged. Export the plan (File → Export JSON), or delete plans you no longer need and change something to retry.";
    PlanNotSaved => "{1}：方案「{0}」未能保存，只在本页中打开；已保存的方案均未改动。请导出方案（文件 → 导出 JSON）以免丢失。", "{1}: plan \"{0}\" was not saved and is open only in this page; the saved plans are unchanged. Export it (File → Export JSON) so nothing is lost.";
    StoreFellBack => "无法使用浏览器数据库（{0}）：方案仍保存在本地存储中（容量约 5 MB）。", "Cannot use the browser's database ({0}): plans stay in local storage (about 5 MB).";
    UnsavedLeave => "有修改未能保存，离开将丢失。", "Some changes could not be saved and will be lost.";
    UnsavedExportFirst => "方案「{0}」有修改未能保存在浏览器中，打开其他方案将丢失它们。\n先把此方案导出为 JSON 文件吗？", "Plan \"{0}\" has changes the browser could not save; opening another plan loses them.\nExport this plan as a JSON file first?";
    UnsavedDiscard => "放弃方案「{0}」未保存的修改，打开「{1}」？", "Discard the unsaved changes to \"{0}\" and open \"{1}\"?";
    StorageUsage => "浏览器存储：已用 {0}，上限 {1}", "Browser storage: {0} used of {1}";
    StoragePersisted => "，已申请长期保存", "; kept persistently";
    StorageBestEffort => "，空间不足时浏览器可能清除，请定期导出", "; the browser may clear it when short of space, so export regularly";
    PercentagePoints => "个百分点", "pp";
    MissCount => "未达标项数", "Targets or caps missed";
    StripMonetizedOverall => "全市货币化率", "Monetized, city";
    StripMonetizedCentral => "中心城市", "Central city";
    StripMonetizedCounties => "区县", "Counties";
    StripAllMet => "全部达标", "all met";
    StripSeeFindings => "见测算发现", "see findings";
    StripDistricts => "未达标区县", "Districts below target";
    StripDistrictGap => "{0} 差{1}个百分点（{2}户）", "{0} {1} points short ({2:household|households})";
    StripMore => "等", " and more";
    StripDistrictsTip => "各区县与目标的差距：{0}", "Each district's shortfall: {0}";
    PlanMenu => "方案", "Plan";
    FileMenu => "文件", "File";
    PlanListLabel => "已保存的方案", "Saved plans";
    ChartPpp => "PPP支出占比与上限", "PPP share against the cap";
    UnitPercent => "%", "%";
    MixTooltip => "{b}：{c} 户（{d}%）", "{b}: {c} households ({d}%)";
    ChartsFailed => "图表组件未能加载（echarts.js）：请刷新页面；数字与表格不受影响", "The chart library (echarts.js) could not load: reload the page; the figures and tables are not affected";
    StripLabel => "主要指标（当前情景）", "Headline figures (active scenario)";
    StripGoTo => "查看：{0}", "Show: {0}";
    ChartCompare => "各情景财政负担（按年度）", "Fiscal burden by scenario and year";
    ChartComparePpp => "各情景PPP支出占一般公共预算支出比例（按年度）", "PPP share of the budget by scenario and year";
    ChartCompareDebt => "各情景年末债务余额（按年度）", "Debt outstanding by scenario and year";
    ChartCompareDistricts => "各区县货币化安置率与目标", "Monetized rate by district against its target";
    PppCapLine => "10%红线", "10 % cap";
    TargetLine => "目标", "Target";
    CompareTitle => "情景对比", "Scenario comparison";
    Difference => "与基准差异", "vs baseline";
    CompareWithPlans => "同时对比其他方案", "Also compare with other plans";
    NewScenario => "新建货币化情景", "New monetization scenario";
    ScenarioTargetPrompt => "情景中各项目的货币化安置率至少为（%）：", "Each project's monetized rate in the scenario at least (%):";
    ScenarioName => "货币化{0}%", "Monetized {0}%";
    ScenarioNote => "所有项目货币化安置率提高到{0}%，新建安置房相应减少", "Every project at least {0}% monetized; new build reduced accordingly";
    DeleteScenario => "删除情景", "Delete scenario";
    NoScenarios => "此方案还没有情景。可以“复制方案”、在副本中调整安置或融资方式，再在上方勾选副本进行对比。", "This plan has no scenarios. Duplicate the plan, change mixes in the copy, and tick the copy above to compare.";
    ErrJsonSyntax => "文件不是有效的 JSON：第 {0} 行第 {1} 列有语法错误（{2}）", "Not valid JSON: syntax error at line {0}, column {1} ({2})";
    ErrNotAPlan => "文件不是棚改规划方案（缺少 format 标记）", "Not a shantytown-plan document (no format marker)";
    ErrNewerVersion => "文件由更新版本的棚改规划写入（格式版本 {0}，本程序支持到 {1}），请升级后再打开", "Written by a newer version of the planner (format {0}; this one reads up to {1}); please upgrade";
    ErrShape => "方案内容不完整或类型不对：字段 {0}（{1}）", "Missing or mistyped field {0} ({1})";
    ErrNotUtf8 => "文件不是 UTF-8 文本", "The file is not UTF-8 text";
    JsonText => "文本", "text";
    JsonWhole => "整数", "a whole number";
    JsonNumber => "数字", "a number";
    JsonBool => "是/否（true/false）", "true/false";
    JsonNull => "空值（null）", "null";
    JsonObject => "对象（{…}）", "an object ({…})";
    JsonList => "列表（[…]）", "a list ([…])";
    JsonOtherValue => "其他值", "another value";
    JsonWrongType => "应为{0}，实为{1}", "expected {0}, found {1}";
    JsonMissingField => "缺少字段 {0}", "field {0} is missing";
    JsonOutOfRange => "数值 {0} 超出该字段的范围", "the number {0} is out of range for this field";
    JsonUnknownChoice => "取值「{0}」不是可选项之一", "\"{0}\" is not one of the allowed values";
    JsonTrailing => "JSON 结束后还有多余的字符", "characters after the end of the JSON";
    JsonEof => "文件意外结束（内容不完整）", "the file ends too early (incomplete)";
    JsonSyntax => "不符合 JSON 语法", "not valid JSON syntax";
    JsonOther => "内容格式不对", "unexpected content";
    WarnUnknownField => "警告：本版本不认识字段 {0}，其值未被使用", "warning: unknown field {0}; its value is not used";
    WarnUnknownFields => "文件中有本版本不认识的字段，导入后不会保留：{0}", "The file has fields this version does not know; they will not be kept: {0}";
    ErrFileTooLarge => "文件太大：{0} MB，上限 {1} MB，未导入", "File too large: {0} MB, limit {1} MB; nothing imported";
    NotImported => "{0}，未导入", "{0}; nothing imported";
    ErrInvalidPlan => "方案中有不合规的数值，未导入：{0}", "The plan has invalid values; nothing imported: {0}";
    MoreProblems => "……等共 {0} 处问题", " … {0} problems in all";
    ListSeparator => "；", "; ";
    StoreQuota => "本地存储已满：最近的修改只保存在本页内存中，请导出方案以免丢失。", "Local storage is full: recent changes are only in this page's memory. Export the plan so nothing is lost.";
    StoreUnavailable => "浏览器本地存储不可用：方案只保存在本页内存中，关闭前请导出。", "Local storage is unavailable: the plan is only in this page's memory. Export it before closing.";
    StoreOther => "无法写入本地存储（{0}）：最近的修改只保存在本页内存中，请导出方案。", "Cannot write to local storage ({0}): recent changes are only in memory. Export the plan.";
    WarnReadOnly => "方案「{0}」由更新版本的棚改规划写入（格式版本 {1}）：以只读方式打开，本页的修改不会保存，也不会覆盖它。", "Plan \"{0}\" was written by a newer version (format {1}): opened read-only; changes here are not saved and never overwrite it.";
    WarnUnreadable => "方案「{0}」无法读取（{1}）。{2}其他方案不受影响。", "Plan \"{0}\" cannot be read ({1}). {2}Other plans are not affected.";
    BackedUp => "原内容已另存为备份，", "Its content was kept under a backup key. ";
    KeptAsIs => "原内容保持不变，", "Its content was left as it was. ";
    ErrOpen => "方案无法读取：{0}", "The plan cannot be read: {0}";
    ErrExport => "导出失败：{0}", "Export failed: {0}";
    ErrCsvNotUtf8 => "CSV 文件不是 UTF-8 编码：请在 Excel/WPS 中另存为“CSV UTF-8”后再导入，未导入", "The CSV file is not UTF-8: save it as \"CSV UTF-8\" in Excel/WPS and import again; nothing imported";
    ErrCsvRows => "CSV 中有错误，未导入任何项目：{0}", "The CSV has errors; no project imported: {0}";
    ErrWorkbookRows => "工作簿中有错误，未导入任何项目：{0}", "The workbook has errors; no project imported: {0}";
    CsvEmpty => "文件是空的：第 1 行应为表头", "The file is empty: line 1 must be the header";
    CsvRow => "第 {0} 行：{1}", "Line {0}: {1}";
    CsvColumns => "应有 {0} 列，实有 {1} 列", "expected {0} columns, found {1}";
    CsvNotNumber => "{0}「{1}」不是有效数字", "{0} \"{1}\" is not a number";
    CsvUnreadable => "不是有效的 CSV（引号不成对或不是 UTF-8 文本）", "not a valid CSV (unbalanced quotes or not UTF-8 text)";
    CsvMissingColumns => "缺少必需的列：{0}", "Required columns missing: {0}";
    CsvUnknownColumns => "有无法识别的列：{0}（列名应与导出的项目清单一致）", "Unrecognised columns: {0} (names must match the exported project list)";
    CsvNotChoice => "{0}「{1}」应为 {2} 之一", "{0} \"{1}\" must be one of {2}";
    CsvDuplicateId => "项目编号 {0} 在文件中重复", "project id {0} appears twice in the file";
    CsvOwnCost => "本项目{0}", "own {0}";
    Yes => "是", "yes";
    No => "否", "no";
    CopySuffix => "（副本）", " (copy)";
    Parenthesized => "{0}（{1}）", "{0} ({1})";
    Colon => "：", ": ";
    NamedThing => "{0}「{1}」", "{0} “{1}”";
    ImportedSuffix => "（导入）", " (imported)";
    YearlyFileName => "年度测算", "yearly";
    ProjectsFileName => "项目清单", "projects";
    InvestmentTotal => "总投资", "Investment";
    UnitWan => "（万元）", " (10k yuan)";
    DebtOutstanding => "年末债务余额", "Debt outstanding";
    FiscalBurden => "财政负担", "Fiscal burden";
    BudgetExpenditure => "一般公共预算支出", "General public budget expenditure";
    LandRevenueCol => "土地出让收入", "Land revenue";
    IncomeSales => "安置房及商业配套出售收入", "Sales of surplus flats and commercial space";
    IncomeParking => "车位收入", "Parking";
    IncomeRent => "租金收入", "Rents";
    IncomeOperation => "经营收入", "Operating income";
    IncomeAmount => "{0}（合计）", "{0} (total)";
    IncomeStart => "{0}起始（项目年度后第几年）", "{0} starts (years after the planned year)";
    IncomeYears => "{0}年限", "{0} over (years)";
    IncomeTitle => "其他项目收益", "Other project income";
    IncomeTotal => "项目收益合计", "Project income";
    ErrIncomeTwice => "每类收益只能填一项", "one stream of each kind at most";
    ReportingLabel => "进度报送与排名权重", "Progress reports and ranking weights";
    DescReceipts => "修改进度报送记录", "Progress report records changed";
    DescRankingWeights => "修改排名权重", "Ranking weights changed";
    DescProgressReport => "导入{0}{1}进度", "{0}'s progress for {1} imported";
    PlanHouseholds => "计划征收户数", "Planned households";
    PlanMonetized => "计划货币化安置户数", "Planned households resettled with money";
    PlanUnits => "计划新建安置套数", "Planned new-build flats";
    PlanInvestment => "计划总投资", "Planned investment";
    SheetProgress => "进度", "Progress";
    SheetChoices => "选项", "Choices";
    ProgressTemplateTitle => "{0} · {1} · {2}进度报送", "{0} · {1} · progress for {2}";
    ProgressTemplateHint => "灰色列为计划数，不可修改；请填写截至本月底的累计数（已按上月数预填），月份从下拉列表选择。超过计划须填写超计划说明，低于上月须填写更正说明。", "Grey columns are the plan and cannot be changed; enter the figures to the month's end (filled in from last month), choose months from the drop-down. A figure above plan needs a reason; one below last month needs a correction note.";
    ReportMonth => "报送月份", "Month reported";
    ReportBy => "填报人", "Filled in by";
    ProgressCellRule => "请填写不小于 0 的数字（户数、套数为整数），月份从下拉列表选择", "Enter a number not below 0 (households and flats whole); choose months from the list";
    ErrProgressNoSheet => "工作簿中没有“{0}”工作表（有：{1}），请使用下载的进度模板", "The workbook has no “{0}” sheet (it has: {1}); use the downloaded progress template";
    ErrProgressNoHeader => "找不到表头（含“{0}”的一行），请使用下载的进度模板", "No header row (one with “{0}”); use the downloaded progress template";
    ErrProgressNoDistrict => "文件没有写明区县（“区县”一格右侧），请使用下载的进度模板", "The file names no district (right of the “District/county” cell); use the downloaded progress template";
    ErrProgressNoMonth => "报送月份“{0}”不是 2027-03 这样的月份，请使用下载的进度模板", "The month reported “{0}” is not a month like 2027-03; use the downloaded progress template";
    ErrProgressNoRows => "文件中没有{0}的项目行", "The file has no project rows of {0}";
    ErrProgressRow => "第 {0} 行：{1}", "Row {0}: {1}";
    ErrProgressNoId => "没有项目编号", "no project id";
    ErrProgressUnknownProject => "项目编号“{0}”不在本方案中", "project id “{0}” is not in this plan";
    ErrProgressOtherDistrict => "项目“{0}”（{1}）属于{2}，不是本文件的{3}", "project “{0}” ({1}) is {2}'s, not this file's {3}";
    ErrProgressTwice => "项目“{0}”（{1}）出现了两次", "project “{0}” ({1}) appears twice";
    ErrProgressCell => "{0} {1}“{2}”不是不小于 0 的数字", "{0} {1} “{2}” is not a number, 0 or more";
    ErrProgressNotWhole => "{0} {1}“{2}”应为整数：户数与套数没有小数", "{0} {1} “{2}” must be whole: households and flats have no fractions";
    ErrProgressMonthCell => "{0} {1}“{2}”不是 2027-03 这样的月份", "{0} {1} “{2}” is not a month like 2027-03";
    ErrProgressFile => "进度文件中有错误，未导入任何数据，方案未改变：{0}", "The progress file has errors; nothing was imported and the plan is unchanged: {0}";
    ProgressImported => "已导入{0}{1}进度：{2}个项目，{3}个有变化", "{0}'s progress for {1} imported: {2:project|projects}, {3} changed";
    ReportOnTime => "已报送", "Reported";
    ReportLate => "逾期报送", "Reported late";
    ReportDue => "未报送", "Not yet reported";
    ReportOverdue => "逾期未报送", "Overdue";
    ErrNoWeight => "至少一项权重须大于 0", "at least one weight must be above 0";
    RankingWeights => "排名权重", "Ranking weights";
    WeightOf => "{0}权重", "weight of {0}";
    ColFundsRate => "资金到位率", "Funds in place";
    ErrMonthOrder => "同一月份出现两次，或月份未按先后排列", "a month appears twice, or the months are out of order";
    ErrMonthOutside => "不在方案年度内（{0}–{1}）", "outside the plan years ({0}–{1})";
    ErrProgressMonthOutside => "报送月份 {0} 不在方案年度内（{1}–{2}），未导入", "The month reported, {0}, is outside the plan years ({1}–{2}); nothing imported";
    ErrAbovePlan => "{0} 超过计划的 {1}，请在“超计划说明”中写明原因", "{0} is above the plan's {1}: give the reason in “above plan”";
    ErrBelowLastMonth => "{0} 低于上月的 {1}，累计数不应减少；如为更正，请填写“更正说明”", "{0} is below last month's {1}: figures are cumulative; a correction needs a note";
    RehousedMonetized => "货币化安置户数", "Households rehoused with money";
    RehousedInKind => "实物安置交房户数", "Households given new flats";

    CentralCity => "中心城市", "Central city";
    County => "区县", "County";
    Counties => "区县合计", "Counties";
    Overall => "全市", "Whole city";

    TypeUrbanVillage => "城中村", "Urban village";
    TypeDilapidated => "危旧房", "Dilapidated housing";
    TypeOldCompound => "旧住宅小区", "Old residential compound";
    TypeInfrastructure => "配套基础设施", "Infrastructure";

    StatusPlanning => "谋划", "Planning";
    StatusExpropriation => "征收启动", "Expropriation started";
    StatusStarted => "开工", "Started";
    StatusUnderConstruction => "在建", "Under construction";
    StatusCompleted => "竣工", "Completed";

    InvCompensation => "货币补偿", "Compensation";
    InvPurchase => "政府购买存量房", "Purchase of existing housing";
    InvConstruction => "安置房建设", "Resettlement housing construction";
    InvTransition => "过渡费", "Transition fees";
    InvRelocation => "搬迁费", "Relocation fees";
    InvRewards => "奖励", "Rewards";
    InvInfrastructure => "配套基础设施", "Infrastructure";
    InvVouchers => "房票兑付", "Housing vouchers paid";
    VouchersOwed => "未兑付房票", "Vouchers owed";

    SrcCapitalFund => "项目资本金", "Capital fund";
    SrcPolicyLoan => "政策性银行贷款", "Policy-bank loan";
    SrcServicePurchase => "政府购买服务", "Government purchase of services";
    SrcPpp => "PPP", "PPP";
    SrcSpecialBond => "棚改专项债", "Special bonds";

    FiscCapitalFund => "资本金（财政）", "Capital fund (budget)";
    FiscLoanService => "贷款还本付息", "Loan debt service";
    FiscServiceFees => "购买服务费", "Service fees";
    FiscPpp => "PPP付费", "PPP payments";
    FiscBondService => "专项债还本付息", "Bond debt service";
    FiscLandOffset => "土地收入抵扣", "Land revenue applied";

    ResCash => "货币补偿", "Cash compensation";
    ResSelfPurchase => "自行选购商品房", "Self-purchase";
    ResGovPurchase => "政府购买存量房", "Government purchase";
    ResVoucher => "房票安置", "Housing vouchers";
    VoucherXiamen => "厦门 2023", "Xiamen 2023";
    VoucherTaizhou => "泰州海陵 2023", "Taizhou Hailing 2023";
    VoucherZhengzhou => "郑州 2022", "Zhengzhou 2022";
    VoucherRowName => "房票方案「{0}」第 {1} 行", "Voucher scheme, {0} row {1}";
    VoucherTitle => "房票方案", "Housing voucher scheme";
    VoucherIntro => "选择房票安置的户数在「安置方式」中填写（房票安置一栏）。房票面额为被征收房屋补偿款；在有效期内购买房源库中的商品房，按使用月份给予奖励；到期未使用的按面额兑付现金，不享受奖励；与开发企业分期结算。", "Households rehoused with vouchers are entered on Resettlement (the housing-voucher column). A voucher's face value is the household's compensation; used on listed flats within its validity, it earns the reward of the month it is used; unused at expiry it is paid in cash without the reward; developers are paid in stages.";
    VoucherPreset => "预设方案", "Preset";
    VoucherOwnScheme => "自定义（已修改）", "Own (edited)";
    VoucherUntilMonth => "截至发放后第几月", "Up to month after issue";
    VoucherReward => "奖励（面额的 %）", "Reward (% of face value)";
    VoucherUsed => "假设使用比例", "Assumed share used";
    VoucherAfterMonths => "使用后第几月支付", "Paid months after use";
    VoucherShare => "支付比例", "Share paid";
    VoucherYearlyRate => "年利率", "Yearly interest";
    VoucherAddTier => "添加奖励档", "Add a tier";
    VoucherAddStage => "添加结算期", "Add a stage";
    VoucherSummary => "有效期 {0} 个月；到期未使用 {1}，按面额兑付现金。", "Valid {0} months; {1} unused at expiry, paid in cash at face value.";
    VoucherPlanTitle => "本计划的房票", "This plan's vouchers";
    VoucherHouseholds => "房票安置户数", "Households with vouchers";
    VoucherFace => "房票面额", "Face value";
    VoucherCostUsed => "购房使用", "Spent on flats";
    VoucherCostExpired => "到期兑付现金", "Paid in cash at expiry";
    VoucherCostReward => "房票奖励", "Rewards";
    VoucherCostInterest => "延期结算利息", "Interest on deferred settlement";
    VoucherCostTransition => "过渡费", "Transition fees";
    VoucherSchemeLine => "{0}，有效期 {1} 个月，假设使用 {2}", "{0}, valid {1} months, {2} assumed used";
    AssessLoanDrawn => "贷款发放率", "Loans drawn";
    AssessReportsOnTime => "按时报送率", "Reports on time";
    AssessMilestonesOnTime => "前期手续按期完成率", "Approvals on time";
    AssessMissedDeadline => "前期手续逾期（项）", "Approvals past their day";
    AssessLateReport => "迟报漏报（次）", "Reports late or missing";
    AssessDayLate => "迟报天数", "Days reports were late";
    GradeExcellent => "优秀", "Excellent";
    GradeGood => "良好", "Good";
    GradePass => "合格", "Pass";
    GradeFail => "不合格", "Fail";
    SchemeShaanxi => "陕西 2017（住房保障工作评价考核）", "Shaanxi 2017 (housing assessment)";
    SchemeCity2022 => "某市 2022（安居工程考核）", "A city's 2022 housing-project scheme";
    FieldAssessment => "考核办法", "Assessment scheme";
    AssessmentRowName => "考核办法第 {0} 项", "Assessment scheme, line {0}";
    DescAssessment => "修改考核办法", "Change the assessment scheme";
    QuarterName => "{0}年第{1}季度", "Q{1} {0}";
    VouchersOwedIn => "{0}年末未兑付房票", "Vouchers owed at the end of {0}";
    VoucherNone => "本计划尚无房票安置户。", "No household in this plan has a voucher yet.";
    VoucherTiers => "房票奖励档", "Voucher reward tiers";
    VoucherSettlement => "房票结算", "Voucher settlement";
    VoucherDeedTax => "契税补贴", "Deed tax relief";
    VoucherTransitionMonths => "房票过渡费月数", "Voucher transition-fee months";
    ResNewBuild => "新建安置房", "New resettlement housing";

    MonetizedRate => "货币化安置率", "monetized rate";
    PppShare => "PPP支出占比", "PPP spending share";
    NoNewGovPayPpp => "不得新上政府付费PPP项目", "no new government-pay PPP";
    BondBalance => "专项债收益/本息覆盖倍数", "bond income / debt service";
    AppraisalThreshold => "评审常用门槛", "common appraisal threshold";
    BondTerm => "专项债期限", "bond term";
    LandCover => "土地收入/债务本息覆盖倍数", "land revenue / debt service";
    RepaidByBudget => "由财政预算偿还", "repaid from the budget";
    LandBalance => "资金平衡", "funding balance";
    RuleMonetizedSource => "省棚改年度考核", "provincial annual assessment";
    CiteMof2015No21 => "财金〔2015〕21号", "MoF Finance [2015] No. 21";
    CiteMof2022No119 => "财金〔2022〕119号", "MoF Finance [2022] No. 119";
    CiteGov2023No115 => "国办函〔2023〕115号", "State Council General Office Letter [2023] No. 115";
    CiteMofOrder102 => "财政部令第102号", "MoF Order No. 102";
    CiteMofBudget2018No28 => "财预〔2018〕28号", "MoF Budget [2018] No. 28";
    CiteBondAppraisal => "专项债项目评审", "special-bond project appraisal";
    YearsUnit => "年", " years";
    From => "起", " on";

    FieldName => "项目名称", "name";
    FieldDistrict => "区县", "district";
    FieldYear => "计划年度", "year";
    FieldHouseholds => "征收户数", "households";
    FieldArea => "征收面积", "area";
    FieldInfrastructure => "配套基础设施投资", "infrastructure cost";
    FieldCentralSubsidy => "中央补助资金", "central subsidy";
    FieldLandRevenue => "土地出让收入", "land revenue";
    FieldResettlement => "安置方式比例", "resettlement mix";
    FieldFinancing => "融资方式比例", "financing mix";
    FieldCapitalFund => "项目资本金比例", "capital fund share";
    FieldLoanTerm => "贷款期限与宽限期", "loan term and grace period";
    FieldCost => "成本参数", "cost driver";
    FieldAssumption => "全市参数", "city-wide assumption";
    ErrNotFinite => "不是有效数字", "is not a valid number";
    ErrOutOfRange => "{0} 应在 {1} 至 {2} 之间", "{0} must be between {1} and {2}";
    ErrNotWhole => "{0} 应为整数", "{0} must be a whole number";
    ErrSum => "{0}，合计应为 100 %", "{0}, must sum to 100 %";
    ErrGrace => "{0} / {1} 年，宽限期应短于贷款期限", "{0} / {1} years, the grace period must be shorter than the term";
    ErrCapitalMin => "{0}，不得低于 {1}（国发〔2015〕51号）", "{0}, must be at least {1} (State Council [2015] No. 51)";
    ErrYearOutside => "{0}，应在方案年度内（{1}–{2}）", "{0}, must be within the plan years ({1}–{2})";
    ErrBudgetForPpp => "计划了 PPP 支出时应大于 0", "must be above 0 when PPP spending is planned";
    ErrLandWithoutYears => "有土地出让收入时出让年限至少 1 年", "must be at least 1 year when there is land revenue";
    ErrNoSuchItem => "找不到编号为 {0} 的项目或情景", "no project or scenario with id {0}";
    UnnamedProject => "第 {0} 个项目（编号 {1}）", "Row {0} (id {1})";
    IssueInProject => "{0}：{1} {2}", "{0}: {1} {2}";
    IssueInPlan => "全市参数：{0} {1}", "City-wide: {0} {1}";
    IssueInStock => "{0}：{1}", "{0}: {1}";
    FieldId => "项目编号", "project id";
    DescRenamePlan => "重命名方案", "rename the plan";
    DescProjectField => "修改 {0} {1}", "change {1} of {0}";
    DescAssumption => "修改全市参数 {0}", "change city-wide {0}";
    DescAssumptions => "修改全市参数", "change city-wide assumptions";
    DescAddProject => "新增项目 {0}", "add project {0}";
    DescDeleteProject => "删除项目 {0}", "delete project {0}";
    DescMoveProject => "移动项目 {0}", "move project {0}";
    DescAddScenario => "新建情景 {0}", "add scenario {0}";
    DescDeleteScenario => "删除情景 {0}", "delete scenario {0}";
    DescRenameScenario => "重命名情景 {0}", "rename scenario {0}";
    DescImportProjects => "导入 {0} 个项目", "import {0:project|projects}";
    DescBatch => "{0} 项修改", "{0:change|changes}";
    DescPreparedBy => "修改编制人", "change who prepared the plan";
    DescRisk => "修改风险分析设置", "change the risk settings";
    AffEquity => "股权投资", "Equity";
    AffSubsidy => "运营补贴", "Operating subsidies";
    AffRisk => "风险承担", "Retained risk";
    AffSupporting => "配套投入", "Supporting investment";
    AffOther => "其他PPP项目支出", "Other PPP projects";
    AffTotal => "合计", "Total";
    AffNote => "注：股权投资＝PPP投资×项目资本金比例×政府股权比例，随投资支付；运营补贴为可用性付费与运营补贴；风险承担按比例法（建设成本、运营成本的一定比例）或情景分析法（基本、不利、最坏情景支出的期望值）；配套投入为政府投入减社会资本承担部分。占比＝合计÷一般公共预算支出，上限10%（财金〔2015〕21号）。", "Note: equity = PPP investment × project capital ratio × government share, paid with the investment; operating subsidies are the availability and operating payments; retained risk by the ratio method (shares of construction and operating cost) or scenario analysis (expected value of base, adverse and worst cases); supporting investment is the government's inputs less what the partner pays. Share = total ÷ general public budget expenditure, cap 10 % (MoF Finance [2015] No. 21).";
    ExportXlsx => "导出 Excel", "Export Excel";
    DownloadTemplate => "下载模板", "Download template";
    WorkbookFileName => "测算表", "workbook";
    TemplateFileName => "项目清单模板", "project-list-template";
    NavReport => "报告", "Report";
    PrintReport => "打印报告", "Print report";
    PrintNow => "打印 / 存为 PDF", "Print / save as PDF";
    ReportKpis => "主要指标与目标、红线", "Key figures against targets and caps";
    ReportFindings => "问题与依据", "Findings and their rules";
    ReportCharts => "图表", "Charts";
    SheetProjects => "项目清单", "Projects";
    SheetYearly => "年度测算", "Yearly results";
    SheetAffordability => "财政承受能力", "Fiscal affordability";
    SheetFundBalance => "资金平衡", "Fund balance";
    SheetFundBalanceNote => "每个项目一块：资金来源、项目收益（土地出让及其他收益）、贷款与专项债还本付息、当年及累计结余，单位万元", "One block per project: sources, income (land sales and other streams), loan and bond debt service, yearly and cumulative balance, in 10k yuan";
    SheetCompare => "方案对比", "Scenarios";
    SheetGuide => "填写说明", "How to fill in";
    SheetUnit => "单位：万元", "Unit: 10k yuan";
    SheetFooter => "&C&A — 第 &P 页，共 &N 页", "&C&A — page &P of &N";
    SheetMetric => "指标", "Measure";
    GuideIntro => "每行一个项目；“项目编号”留空则导入时新建。编码列只能选下拉中的值：", "One project per row; leave the id empty for a new project. Coded columns take only the drop-down's values:";
    GuideExample => "示例行（第 3 行）可删除或改写。", "The example row (row 3) may be deleted or overwritten.";
    XlsxNotWorkbook => "文件不是有效的 Excel 工作簿（.xlsx）：{0}", "The file is not an Excel workbook (.xlsx): {0}";
    XlsxUnpacksOver => "工作簿解压后超过 {0} MB（压缩包目录所写的大小不实）；未导入任何内容", "The workbook unpacks to more than {0} MB (its zip directory understates the sizes); nothing was imported";
    XlsxTooLarge => "工作簿解压后约 {0} MB，超过 {1} MB 上限，不像是项目清单；未导入任何内容", "The workbook would unpack to about {0} MB, over the {1} MB limit: not a project list; nothing was imported";
    XlsxNoSheet => "工作簿中没有“{0}”工作表，也没有表头与项目清单一致的工作表（现有：{1}）", "The workbook has no sheet “{0}” and no sheet with the project list's header (it has: {1})";
    XlsxSeveralSheets => "工作簿中有多个工作表像是项目清单：{0}；请把要导入的工作表命名为“{1}”", "Several sheets of the workbook look like a project list: {0}; name the one to import “{1}”";
    XlsxFormula => "工作表“{0}”单元格 {1} 是公式（={2}），请改为数值", "Sheet “{0}” cell {1} holds a formula (={2}): enter its value instead";
    XlsxMerged => "工作表“{0}”的 {1} 是合并单元格，请取消合并", "Sheet “{0}” has merged cells at {1}: unmerge them";
    XlsxNoHeader => "工作表“{0}”中找不到表头行（应含“{1}”等列）", "Sheet “{0}” has no header row (with “{1}” and the other columns)";
    XlsxAt => "工作表“{0}”：{1}", "Sheet “{0}”: {1}";
    OptimizeSettingsLabel => "最优方案设置", "Optimizer settings";
    DescOptimize => "修改最优方案设置", "change the optimizer settings";
    ErrRangeOrder => "应为 最低 ≤ 最可能 ≤ 最高（现为 {0}、{1}、{2}）", "must run low ≤ most likely ≤ high (is {0}, {1}, {2})";
    RiskSettingsLabel => "风险模拟设置", "Risk run settings";
    ChartTornado => "敏感性：各因素变动 ±20% 时{0}的变化", "Sensitivity: change of {0} at ±20 % of each driver";
    StepDown20 => "−20%", "−20 %";
    StepUp20 => "+20%", "+20 %";
    ChartFan => "财政负担（按年度，P10 / P50 / P90）", "Fiscal burden by year (P10 / P50 / P90)";
    ChartFanPpp => "PPP 支出占一般公共预算支出比例（P10 / P50 / P90）", "PPP share of the budget (P10 / P50 / P90)";
    P10 => "P10", "P10";
    P50 => "P50（中位数）", "P50 (median)";
    P90 => "P90", "P90";
    PppTierLine => "5% 新项目红线", "5 % line for new projects";
    RiskLoanRate => "政策性银行贷款利率", "Policy-bank loan rate";
    RiskBondRate => "专项债利率", "Special-bond rate";
    RiskServiceRate => "政府购买服务融资利率", "Service-purchase financing rate";
    RiskPppProfit => "PPP 合理利润率", "PPP profit rate";
    RiskPppDiscount => "PPP 折现率", "PPP discount rate";
    RiskCompensation => "征收补偿单价", "Compensation price";
    RiskConstruction => "安置房建安成本", "Construction cost";
    RiskTransition => "过渡费标准", "Transition fee";
    RiskPurchase => "政府购房单价", "Government purchase price";
    RiskBudgetGrowth => "一般公共预算支出增长率", "Budget growth";
    RiskLand => "土地出让收入", "Land revenue";
    RiskMonetized => "货币化安置比例", "Monetized share";
    RiskOtherIncome => "其他项目收益", "Other project income";
    RiskPppRisk => "PPP风险承担支出", "PPP retained-risk cost";
    RiskApprovalSlip => "审批滞后（月）", "Approvals late (months)";
    RiskVoucherUse => "房票使用进度", "Voucher use speed";
    DescSubmissions => "修改区县报送记录", "change the county submissions";
    DescMerge => "合并同事的修改（{0} 项）", "merge a colleague's changes ({0})";
    DescSubmission => "接收区县报送", "take a county's submission";
    DescMoveScenario => "调整情景 {0} 的顺序", "reorder scenario {0}";
    DescInScenario => "情景 {0}：{1}", "scenario {0}: {1}";
    DescScenarioRemove => "从情景 {0} 移除 {1} 项修改", "remove {1:change|changes} from scenario {0}";
    DescScenarioEdits => "情景 {0} 的 {1} 项修改", "{1:change|changes} in scenario {0}";
    DescLever => "调节：{0}", "lever: {0}";
    IncentiveResponse => "激励响应（奖励每提高1个百分点，货币化安置率提高的百分点）", "Incentive response (points of monetized rate per point of incentive)";
    GoalMonetized => "各区县达到货币化目标所需的最小统一货币化比例", "Smallest uniform monetized share meeting every target";
    GoalIncentive => "达到货币化目标所需的最小货币化奖励", "Smallest monetization incentive meeting every target";
    GoalPppCap => "不超过10%红线的最大PPP占比", "Largest PPP share within the 10 % cap";
    GoalPppTier => "不超过5%的最大PPP占比", "Largest PPP share within the 5 % tier";
    GoalUnmetTarget => "{0}的货币化目标{1}%无法达到：在允许范围内最多只能达到{2}%", "{0} cannot reach its {1}% monetized target: at most {2}% within the bounds";
    GoalUnmetPpp => "即使不再新增PPP，{0}年PPP支出已占一般公共预算支出的{1}%，超过{2}%", "Even with no new PPP, PPP spending in {0} is already {1}% of the budget, over {2}%";
    GoalAlreadyMet => "各项货币化目标均已达到，无需调整", "Every monetized target is already met: nothing to change";
    GoalMonetizedName => "货币化达标（目标求解）", "Monetized targets met (goal seek)";
    GoalIncentiveName => "货币化奖励{0}%（目标求解）", "Incentive {0}% (goal seek)";
    NewScenarioName => "情景{0}", "Scenario {0}";
    ScenarioNew => "＋ 新建情景", "+ New scenario";
    ScenarioCopy => "复制当前", "Copy current";
    ScenarioRename => "重命名", "Rename";
    RenameScenarioPrompt => "情景名称：", "Scenario name:";
    ScenarioLeft => "左移", "Move left";
    ScenarioRight => "右移", "Move right";
    ScenarioEdits => "情景修改清单", "Scenario changes";
    ScenarioShowing => "正在查看情景「{0}」：各页面显示该情景，修改只进入该情景；与基准方案不同的单元格已标出。", "Showing scenario “{0}”: every page shows it and changes go into it; cells that differ from the base are marked.";
    ScenarioNoEdits => "此情景还没有修改，与基准方案相同。", "No changes yet: same as the base plan.";
    StaleEdit => "已失效", "stale";
    Remove => "移除", "Remove";
    CleanStale => "清除失效修改", "Remove stale changes";
    BaseValue => "基准方案：{0}", "Base plan: {0}";
    LeverTitle => "调节杆", "Levers";
    LeverScope => "范围", "Scope";
    LeverKind => "调节", "Change";
    LeverValue => "数值", "Value";
    LeverMonetizedMin => "货币化安置比例至少", "Monetized share at least";
    LeverMonetizedPlus => "货币化安置比例提高（百分点）", "Monetized share up by (points)";
    LeverShift => "融资方式转移（百分点）", "Move financing (points)";
    LeverShare => "融资方式占比设为", "Set financing share";
    LeverScale => "成本参数增减", "Scale a cost driver";
    ErrPastePastGrid => "粘贴的第 {0} 行超出了表格：未粘贴任何数据", "Pasted row {0} reaches past the grid: nothing was pasted";
    ErrPasteCell => "粘贴的第 {0} 行第 {1} 列“{2}”不是数字：未粘贴任何数据", "Pasted row {0}, column {1} “{2}” is not a number: nothing was pasted";
    BehindExpropriation => "征收未按期启动，滞后 {0} 个月", "expropriation {0:month|months} behind";
    BehindConstruction => "未按期开工，滞后 {0} 个月", "construction {0:month|months} behind";
    BehindPace => "开工率 {0}，不到时序进度 {1} 的一半", "start rate {0}, under half of the {1} of the year gone";
    ChartRanking => "区县开工率排名", "Start rate by district and county";
    ChartPace => "{0}进度：计划与实际（累计）", "{0}: plan against actual (cumulative)";
    RankAverage => "平均", "Average";
    YearGone => "时序进度", "Share of the year gone";
    PlanToDate => "计划开工（按月均摊）", "Planned starts (the year evenly)";
    PaceStarted => "已开工（新开工套数＋货币化安置户数）", "Started (units started + households rehoused with money)";
    RankTop => "前三", "top three";
    RankBottom => "后三", "bottom three";
    RankBelowAverage => "低于平均", "below average";
    RankSame => "持平", "same";
    NavProgress => "进度", "Progress";
    ProgressMonth => "月份", "Month";
    ProgressSample => "示例数据：演示方案附带的2027年1—3月进度，仅供熟悉功能", "Example data: the demo's progress for January–March 2027, for trying the page";
    ProgressSummaryTitle => "计划与实际", "Plan against actual";
    ProgressRankingTitle => "区县排名（按开工率）", "Districts and counties ranked by start rate";
    ProgressRankingComposite => "区县排名（按综合得分）", "Districts and counties ranked by composite score";
    ProgressGridTitle => "逐项目填报（累计数，可从Excel粘贴）", "Figures by project (cumulative; paste from Excel)";
    ProgressBehindTitle => "进度滞后的项目", "Projects behind schedule";
    ProgressNoneBehind => "没有滞后的项目", "No project is behind schedule";
    ColTarget => "年度目标（套）", "Year's target (units)";
    ColSigningRate => "签约率", "Signing rate";
    ColStartRate => "开工率", "Start rate";
    ColMonetizedActual => "货币化安置率", "Monetized rate";
    ColInvestmentRate => "投资完成率", "Investment completed";
    ColRank => "名次", "Rank";
    ColMarks => "标记", "Marks";
    ColChange => "较上月", "Since last month";
    ColExpropriationStarted => "征收启动", "Expropriation started";
    ColConstructionStarted => "开工", "Construction started";
    ColReason => "超计划说明", "Above plan: reason";
    ColStartedTotal => "开工（套）", "Started (units)";
    ColMonetizedTarget => "货币化目标", "Monetized target";
    ColInvestedWan => "完成投资（万元）", "Invested (10k yuan)";
    ColFundsWan => "到位资金（万元）", "Funds in place (10k yuan)";
    ColScore => "综合得分", "Composite score";
    ColBehind => "滞后情况", "How far behind";
    ColZone => "区域", "Area";
    MonthlyReportTitle => "{0} · {1}棚户区改造进度报告", "{0} · shantytown renovation progress, {1}";
    SheetProgressSummary => "汇总", "Summary";
    SheetProgressDistricts => "分区县", "Districts";
    SheetProgressProjects => "分项目", "Projects";
    SheetProgressRanking => "排名", "Ranking";
    SheetProgressFunds => "资金到位", "Funds in place";
    SheetProgressReadiness => "前期手续（月末）", "Readiness at month end";
    MrSteps => "应办手续", "Steps due";
    MrDone => "已办结", "Done";
    MrDoneInMonth => "本月办结", "Done this month";
    MrLate => "逾期未办", "Late";
    MrDecided => "已下达征收决定（个）", "Expropriation decided";
    MrContracts => "已签贷款合同（个）", "Loan contracts signed";
    MrContracted => "合同贷款（万元）", "Loans contracted (10k yuan)";
    MrDisbursement => "贷款发放率", "Loans drawn / contracted";
    MrHeld => "资金待手续项目（个）", "Projects whose money waits";
    ColFundsOfWan => "{0}到位（万元）", "{0} in place (10k yuan)";
    ColFundsRateOf => "{0}到位率", "{0} in place, share of plan";
    SheetProgressBehind => "滞后项目", "Behind schedule";
    ProgressTemplateFile => "{0}{1}进度报送", "{0} progress {1}";
    BoardTitle => "区县报送（{0}）", "Reports from the districts ({0})";
    BoardHint => "为各区县下载本月进度模板，收回后在此导入；月末后仍未报送的标为逾期。", "Download each district's template for the month and import it when it comes back; those not in after the month's last day are overdue.";
    BoardFile => "文件", "File";
    BoardTimes => "{0}（第 {1} 次）", "{0} ({1} times)";
    ImportProgress => "导入进度…", "Import progress…";
    DownloadProgressTemplate => "下载进度模板", "Download template";
    RankingWeightsHint => "排名按各项比率的加权平均（综合得分）；默认只按开工率。", "The ranking is by the weighted mean of the rates (composite score); by default the start rate alone.";
    OpenMonthlyReport => "月度报告", "Monthly report";
    PaceScope => "进度图范围", "Chart of";
    ColDelay => "滞后原因", "Why behind";
    ColCorrection => "更正说明", "Correction note";
    ErrNotANumber => "“{0}”不是数字，未填入", "“{0}” is not a number; nothing was entered";
    ProgressTitle => "实际进度", "Actual progress";
    ProgressAsOf => "截至{0}：签约{1}户，货币化安置{2}户，新开工{3}套", "To {0}: {1} signed, {2} resettled with money, {3} flats started";
    ProgressSigned => "签约户数", "Households signed";
    ProgressVacated => "腾空/拆除户数", "Households vacated or demolished";
    ProgressMonetizedWay => "货币化安置户数·{0}", "Resettled with money: {0}";
    ProgressStarted => "安置房新开工套数", "Resettlement flats started";
    ProgressCompleted => "基本建成套数", "Flats basically completed";
    ProgressInvested => "完成投资", "Investment completed";
    ProgressFundsOf => "到位资金·{0}", "Funds in place: {0}";
    ErrWorker => "计算模块无法加载或运行出错，本次操作未完成，方案未改变：{0}。请检查网络后重试。", "The calculation module could not load or failed; nothing was done and the plan is unchanged: {0}. Check the connection and try again.";
    ErrWorkerScript => "未能取得计算模块的脚本 {0}", "its script {0} could not be fetched";
    ReadingFile => "正在读取「{0}」…", "Reading \"{0}\"…";
    WorkerLoading => "正在加载计算模块…", "Loading the calculation module…";
    LeverPpp => "PPP政府支出参数", "PPP spending input";
    LeverAssumption => "设定全市参数", "Set an assumption";
    LeverMoveYear => "调整到另一年度", "Move to the other year";
    LeverExclude => "暂缓实施（排除项目）", "Postpone (exclude)";
    LeverNeedsNumber => "请输入数值", "Enter a number";
    LeverIntoPurchase => "转为政府购买存量房（默认转为货币补偿）", "Into government purchase (default: cash)";
    LeverNewScenario => "新建情景", "New scenario";
    LeverApply => "应用", "Apply";
    LeverHintBase => "在基准方案上应用调节杆会新建一个以它命名的情景，基准方案不变。", "On the base plan a lever creates a new scenario named after it; the base stays as it is.";
    LeverHintScenario => "调节杆加入当前情景（勾选“新建情景”则在当前情景基础上新建）。", "The lever is added to the active scenario (tick “New scenario” to branch off).";
    GoalSeekTitle => "目标求解", "Goal seek";
    GoalCost => "财政负担现值 {0}，峰值 {1}（{2}年），PPP支出最高占比 {3}", "Fiscal burden PV {0}, peak {1} ({2}), highest PPP share {3}";
    GoalApply => "作为新情景应用", "Apply as a new scenario";
    ScopeAll => "全部项目", "All projects";
    ScopeCounties => "区县", "Counties";
    ScopeYear => "{0}年项目", "{0} projects";
    ScopeTicked => "勾选的 {0} 个项目", "{0} ticked projects";
    LeverMonetizedMinName => "{0}货币化≥{1}%", "{0} monetized ≥{1}%";
    LeverMonetizedPlusName => "{0}货币化+{1}个百分点", "{0} monetized +{1} pts";
    LeverShiftName => "{0}{1}转{2} {3}个百分点", "{0}: {3} pts from {1} to {2}";
    LeverShareName => "{0}{1}占{2}%", "{0}: {1} at {2}%";
    LeverScaleName => "{0}{1}{2}%", "{0}: {1} {2}%";
    LeverPppName => "{0}PPP{1}={2}%", "{0}: PPP {1} = {2}%";
    LeverMoveYearName => "{0}调整年度", "{0} moved to the other year";
    LeverExcludeName => "{0}暂缓实施", "{0} postponed";
    RuleTitleMonetized => "货币化安置率未达目标", "Monetized rate below target";
    RuleTitlePppCap => "PPP支出占比超过上限", "PPP spending share above the cap";
    RuleTitlePppNewGovPay => "PPP支出占比超过新上政府付费项目门槛", "PPP share above the threshold for new government-pay PPP";
    RuleTitleBondBalance => "专项债收益不能覆盖本息", "Special-bond income does not cover debt service";
    RuleTitleBondAppraisal => "专项债覆盖倍数低于评审门槛", "Special-bond cover below the appraisal threshold";
    RuleTitleBondTerm => "专项债期限超过15年", "Special-bond term over 15 years";
    RuleTitlePppNewMechanism => "新项目PPP由政府付费承担建设成本", "New PPP projects paying construction from the budget";
    RuleTitleServicePurchaseNew => "新项目以政府购买服务融资", "New projects financed by government purchase of services";
    RuleTitleLandCover => "土地收入不足以覆盖债务本息", "Land revenue does not cover debt service";
    SeverityMiss => "约束性指标未达标", "Binding target missed";
    SeverityWarning => "预警", "Warning";
    ReachProjects => "{0}个项目", "{0:project|projects}";
    ReachAreas => "{0}个区域", "{0:area|areas}";
    ReachYears => "{0}个年度", "{0:year|years}";
    ReachSeparator => "、", ", ";
    Worst => "最不利：", "worst: ";
    FindingLine => "{0} {1} {2} {3} {4}{5}（{6}）", "{0}: {1} {2} {3} {4}{5} ({6})";
    FindingExtra => "，{0}", ", {0}";
    UndoLabel => "撤销", "Undo";
    RedoLabel => "重做", "Redo";
    UndoTip => "撤销：{0}", "Undo: {0}";
    RedoTip => "重做：{0}", "Redo: {0}";
    NothingToUndo => "没有可撤销的操作", "Nothing to undo";
    NothingToRedo => "没有可重做的操作", "Nothing to redo";
    ErrEmpty => "不能为空", "must not be empty";
    ErrTooLong => "共 {0} 个字，超过 {1} 个字的上限", "is {0} characters long, over the limit of {1}";
    ErrHouseholds => "征收户数应为不小于 0 的整数", "households must be a whole number, 0 or more";
    ErrDuplicateId => "项目编号重复", "duplicate project id";
    ColMonetizedHouseholds => "货币化安置户数", "Rehoused with money";
    ColMet => "是否达标", "Met";
    YearOverallRate => "{0}全市货币化安置率", "{0} city-wide monetized rate";
    ColRateTarget => "目标", "Target";
    TargetMet => "达标", "met";
    TargetMissed => "未达标", "missed";
    SheetYearTargets => "分年度目标", "Targets by year";
    KpiPeakDebt => "债务余额峰值", "Peak debt outstanding";
    ForecastButton => "按实际进度预测", "Forecast from actuals";
    ForecastTip => "按各项目截至最近报送月份的实际投资与到位资金，滞后项目按滞后月数推迟，其余按计划测算；实际进度更新时自动刷新", "Actual investment and funds to the latest month reported, late projects moved by their delay, the rest as planned; refreshed when the actuals change";
    ForecastNoActuals => "还没有任何项目报送实际进度：请先在“进度”页填报或导入区县进度", "No project has reported any progress yet: enter it on the 进度 page or import a county's file first";
    WindowTitle => "规划期与滚动", "Plan window and rolling";
    WindowLabel => "规划年限", "Plan window";
    WindowOption => "{0}年（{1}—{2}年）", "{0} years ({1}–{2})";
    RollForward => "滚动到下一年", "Roll forward a year";
    RollPreview => "{0}年的{1}个已竣工项目转入历史，{2}个未竣工项目按截至{0}年12月的实际结转；规划期将为{3}—{4}年，新增的{4}年可接收区县项目清单。", "{0}: {1} finished projects go into history and {2} unfinished ones are carried on their actuals to December {0}; the window becomes {3}–{4}, and {4} opens for the counties' lists.";
    RollDone => "已滚动到{0}—{1}年（可撤销）", "Rolled forward to {0}–{1} (undo to go back)";
    HistoryTitle => "历史项目（已竣工）", "History (finished projects)";
    HistoryEmpty => "还没有历史项目：滚动规划期时，已竣工项目转入这里。", "No history yet: when the window rolls, finished projects move here.";
    CarriedBadge => "结转", "carried";
    CarriedTip => "{0}年项目结转：截至{1}的实际已计入，测算只计剩余部分", "Carried from {0}: its actuals to {1} are counted, the simulation counts what is left";
    ProjectHistoryTitle => "项目历史：计划、实际与修改", "Project history: plan, actuals and changes";
    HistoryPlan => "计划：{0}，{1}户，总投资{2}万元", "Plan: {0}, {1} households, investment {2} (10k yuan)";
    HistoryRemaining => "剩余：{0}户未签约，投资{1}万元未完成", "Left: {0} households not signed, {1} (10k yuan) of investment not done";
    HistoryNoActuals => "尚无实际进度记录", "No actuals reported";
    HistoryChanges => "修改记录", "Changes";
    HistoryNoChanges => "没有涉及本项目的修改记录", "No recorded change names this project";
    ColInvestedToDate => "累计完成投资", "Invested to date";
    ColFundsToDate => "累计到位资金", "Funds in place to date";
    YearTargetsTitle => "分年度货币化安置率（按计划年度）", "Monetized rate by planned year";
    FieldWindow => "规划年限", "Plan window";
    FieldForecast => "预测进度", "Forecast schedule";
    DescForecast => "{0}：按实际进度预测（截至{1}，征收推迟{2}个月，开工推迟{3}个月）", "{0}: forecast from actuals (to {1}, signing {2:month|months} late, construction {3:month|months} late)";
    DescForecastCleared => "{0}：恢复计划进度", "{0}: back to the plan's schedule";
    DescWindow => "规划期改为{0}—{1}年（{2}年）", "Plan window set to {0}–{1} ({2} years)";
    DescArchive => "{0}转入历史项目", "{0} moved to history";
    DescRestore => "{0}从历史项目恢复", "{0} restored from history";
    DescRollForward => "滚动到下一年：{0}—{1}年", "Rolled forward to {0}–{1}";
    DescForecastRefresh => "按实际进度刷新预测（{0}个项目）", "Forecast refreshed from the actuals ({0:project|projects})";
    ForecastScenarioName => "按实际进度预测", "Forecast from actuals";
    ForecastScenarioNote => "截至{0}的实际投资与到位资金，滞后项目按滞后月数推迟，其余按计划", "Investment and funds in place to {0} as reported; late projects moved by their delay; the rest as planned";
    // 前期手续与资金闸门 (calc::readiness)
    MsFeasibility => "立项/可研批复", "Project approval / feasibility";
    MsLandUse => "用地预审/用地批准", "Land-use pre-approval / approval";
    MsPlanningPermit => "规划许可", "Planning permit";
    MsEia => "环评批复", "Environmental approval";
    MsRiskAssessment => "社会稳定风险评估", "Social-stability risk assessment";
    MsCompensationPlan => "征收补偿方案公示", "Compensation plan published";
    MsPresigning => "预签约达标", "Pre-signing threshold reached";
    MsExpropriationDecision => "征收决定/公告", "Expropriation decision";
    MsFundBalancePlan => "资金平衡方案批复", "Fund-balance plan approved";
    MsConstructionPermit => "施工许可", "Construction permit";
    MsLoanApplication => "贷款申请", "Loan application";
    MsLoanReview => "贷款评审", "Loan appraisal";
    MsLoanCredit => "授信", "Credit line granted";
    MsLoanContract => "贷款合同签订", "Loan contract signed";
    MsLoanFirstDraw => "首笔放款", "First drawdown";
    MsBondLibrary => "专项债入库（两库）", "Bond project in both libraries";
    MsBondIssue => "专项债发行", "Bond issued";
    MsPppLibrary => "PPP入库", "PPP project registered";
    MsPppProcurement => "PPP采购", "PPP procurement";
    MsPppContract => "PPP合同签订", "PPP contract signed";
    RiskLow => "低风险", "low risk";
    RiskMedium => "中风险", "medium risk";
    RiskHigh => "高风险", "high risk";
    MsDone => "已完成", "Done";
    MsDueSoon => "30日内到期", "Due within 30 days";
    MsLate => "逾期", "Late";
    MsNotStarted => "未开始", "Not started";
    GateNational2024 => "全国（建保〔2023〕80号，2024年城中村改造专项借款；专项债覆盖1.2倍）", "National (Jianbao [2023] No. 80, 2024 urban-village special loans; bonds covered 1.2 times)";
    GateShaanxi2016 => "陕西（2016年：货币化安置率达50%方可贷款）", "Shaanxi (2016: loans only at a 50 % monetized rate)";
    GateStrict => "部分城市（专项债覆盖1.3倍，贷款须土地收益覆盖、预签约90%后放款）", "Some cities (bonds covered 1.3 times; loans covered by land and after 90 % pre-signing)";
    GateCustom => "本方案自定", "This plan's own";
    BlockMilestoneAt => "「{0}」预计{1}", "“{0}” expected {1}";
    BlockMilestoneUndated => "「{0}」尚无日期", "“{0}” has no date";
    BlockCoverage => "收益覆盖倍数 {0} < {1}", "coverage {0} < {1}";
    BlockMonetized => "货币化安置率 {0} < {1}", "monetized rate {0} < {1}";
    BlockRiskHigh => "社会稳定风险评估为高风险", "the risk assessment is high";
    BlockPresigned => "预签约率 {0} < {1}", "pre-signing {0} < {1}";
    GateLate => "资金晚到 {0} 个月", "money {0:month|months} late";
    GateOpen => "可按计划使用", "can be drawn as planned";
    GateShut => "资金无法到位", "the money cannot be drawn";
    ErrBeforeStep => "早于「{0}」", "is dated before “{0}”";
    ErrDoneBeforeStep => "已完成，但「{0}」尚未完成", "is done while “{0}” is not";
    ErrNumberForm => "文号/证号「{0}」格式不对，应如「{1}」", "number “{0}” is not of the form “{1}”";
    ErrInFuture => "实际日期 {0} 晚于今天", "actual date {0} is after today";
    FieldOpposition => "反对率", "Opposition share";
    FieldPresigned => "预签约率", "Pre-signing rate";
    ReadinessFacts => "风险评估与预签约", "Risk assessment and pre-signing";
    DescGates => "资金闸门：{0}", "Money gates: {0}";
    DescScenarioGated => "{0}：{1}", "{0}: {1}";
    GatedOff => "资金按计划使用（不等前期手续）", "money drawn as planned (not waiting for approvals)";
    GatedPlanned => "资金等前期手续（按计划日期）", "money waits for approvals (planned dates)";
    GatedActual => "资金等前期手续（按实际进度）", "money waits for approvals (as things stand)";
    FieldDeadline => "时间节点", "Deadline";
    DescDeadlines => "修改时间节点", "Deadlines changed";
    GateFindingLine => "{0} — {1}", "{0} — {1}";
    NavReadiness => "前期手续", "Readiness";
    NavAssessment => "考核", "Assessment";
    AssessIntro => "按考核办法评分：截至所选月份的进度与前期手续，逐项得分、一票否决与扣分；同分并列，按名称排列。", "Scored by the plan's scheme from the progress and approvals to the chosen month, line by line with vetoes and deductions; equal totals share a place, listed by name.";
    AssessPeriod => "考核期", "Period";
    AssessMonthly => "月检查", "Month";
    AssessQuarterly => "季点评", "Quarter";
    AssessYearly => "年考核", "Year";
    AssessDistricts => "区县得分", "Districts";
    AssessLeaders => "包抓领导得分", "Leaders";
    AssessWho => "名称", "Name";
    AssessTotal => "得分", "Score";
    AssessGrade => "等级", "Grade";
    AssessLines => "得分明细", "Lines";
    AssessNotMeasured => "不适用", "not measured";
    AssessVetoed => "，一票否决", ", veto";
    AssessZeroed => "，因否决项不得分", ", zeroed by a veto";
    AssessLine => "{0} {1}（目标 {2}）：{3} 分 / {4}{5}", "{0} {1} (target {2}): {3} of {4}{5}";
    AssessDeducted => "扣分：{0} {1}，−{2} 分", "Deducted: {0} {1}, −{2}";
    AssessLead => "包抓领导", "Leader";
    AssessEditScheme => "编辑考核办法", "Edit the scheme";
    AssessInterviewMonths => "连续上榜几个月约谈（月）", "Months on the list before a call-in";
    AssessIndicator => "指标", "Indicator";
    AssessSection => "分项", "Section";
    AssessWeight => "分值", "Weight";
    AssessTarget => "年度目标", "Year's target";
    AssessVeto => "一票否决", "Veto";
    AssessAddItem => "添加指标", "Add an indicator";
    AssessNewSection => "新分项", "New section";
    AssessWeightsSum => "考核指标（分值合计 {0}）", "Indicators (weights add to {0})";
    SuperviseTitle => "督办清单（{0}）", "Supervision list ({0})";
    SuperviseProblems => "问题", "Problems";
    SuperviseMonths => "连续上榜月数", "Months on the list";
    SuperviseInterview => "{0}（约谈）", "{0} (to be called in)";
    SuperviseBehind => "进度滞后", "behind schedule";
    SupervisePreWork => "前期手续逾期", "approvals late";
    SuperviseLoan => "贷款已签未放", "loan contracted, undrawn";
    SuperviseSigning => "签约停滞", "signing stuck";
    SuperviseReport => "迟报漏报", "report late";
    OverdueTitle => "逾期未回迁", "Households past their promised return";
    OverduePromised => "承诺交房", "Promised";
    OverdueHouseholds => "未回迁户数", "Households";
    OverdueMonths => "逾期月数", "Months overdue";
    OverdueProjects => "项目数", "Projects";
    OverdueLongest => "最长逾期月数", "Longest overdue (months)";
    OverdueByDistrict => "逾期未回迁（按区县）", "Past their promised return, by district";
    AssessPaperMonth => "{0} · {1}棚改工作月检查通报", "{0} · monthly check, {1}";
    AssessPaperQuarter => "{0} · {1}棚改工作季度点评", "{0} · quarterly review, {1}";
    AssessPaperYear => "{0} · {1}棚改工作年度考核", "{0} · annual assessment, {1}";
    AssessItemHead => "{0}（{1}分）", "{0} ({1} pts)";
    AssessDeductedHead => "扣分", "Deducted";
    AssessNote => "说明", "Note";
    AssessVetoNote => "{0}未达目标，一票否决", "{0} missed: veto";
    AssessScoreNow => "本期得分", "Score";
    AssessScoreBefore => "上期得分", "Previous score";
    AssessScoreChange => "得分升降", "Change";
    AssessRankNow => "本期名次", "Rank";
    AssessRankBefore => "上期名次", "Previous rank";
    AssessRankChange => "名次变化", "Rank change";
    AssessMovers => "升降情况", "Movers";
    SuperviseHolders => "职责及责任人", "Duty holders";
    SuperviseCallIn => "约谈", "Call in";
    SheetSupervision => "督办清单", "Supervision list";
    SheetDuties => "包抓责任分工", "Who answers for what";
    DutyKept => "本人", "the leader";
    NoRows => "无", "None";
    AssessNone => "本期无考核对象：项目均在以后年度开始", "No one to score: every project starts in a later year";
    AssessListsAsOf => "督办清单与逾期未回迁截至{0}末", "Lists as of the end of {0}";
    DutyHolder => "{0}：{1}", "{0}: {1}";
    AssessPaper => "打印/导出通报", "Print or export the paper";
    OverdueNone => "无逾期未回迁。", "No household is past its promised return.";
    NavHousing => "房源库", "Housing stock";
    HousingIntro => "货币化安置户（自购、政府购买）可用的商品房房源、政府团购/收储房源与各区县月均销售；按年度、区县对比安置需求与房源，并计算商品房消化周期。", "The stock of homes monetized households (self-purchase, government purchase) can use, the government's offers (group purchases and purchases of unsold homes), and each district's monthly sales; demand against stock by year and district, and the months of sales the stock represents.";
    HousingFindingsTitle => "房源与安置需求", "Stock against resettlement demand";
    HousingFindingsCount => "{0}：{1} 项发现", "{0}: {1} findings";
    HousingNoFinding => "已录入房源的区县，房源均能满足货币化安置需求。", "Where a stock is entered, it covers the monetized households.";
    StockDemandTitle => "安置需求与房源（截至各年底累计）", "Demand and stock (cumulative to each year's end)";
    StockSelfPurchase => "自购户数", "Self-purchase";
    StockVoucher => "房票户数", "Vouchers";
    StockGovPurchase => "政府购买户数", "Government purchase";
    StockOfferUnits => "政府房源（套）", "Government offers";
    StockDemand => "需在市场购房（户）", "Need a market home";
    StockHomes => "可用房源（套）", "Homes open to them";
    StockShort => "缺口（套）", "Short";
    StockCycle => "消化周期（月）", "Sells out in (months)";
    StockEmpty => "尚未录入房源：在下方添加房源、政府房源或月均销售。", "No stock entered yet: add listings, offers or sales below.";
    StockChartUnit => "户/套", "households / homes";
    StockEditTitle => "房源库录入", "The stock";
    StockNewListing => "新楼盘", "New listing";
    StockListingName => "楼盘/批次", "Listing or batch";
    StockKind => "类型", "Kind";
    StockUnits => "套数", "Units";
    StockArea => "套均面积（m²）", "Area per unit (m²)";
    StockPrice => "均价（元/m²）", "Price (yuan/m²)";
    StockFrom => "起始月份", "From";
    StockOpenTo => "面向区县（空：本区县）", "Open to (empty: its own district)";
    StockAddListing => "添加房源", "Add a listing";
    StockAddOffer => "添加政府房源", "Add an offer";
    StockSalesPerMonth => "月均销售（套）", "Sales a month (units)";
    StockAddSales => "添加月均销售", "Add monthly sales";
    StockSheetHint => "房源库：每行一个楼盘/批次（或一项政府房源、一个区县的月均销售）；套数为整数，月份写作 2027-03；导入时整份检查，有一处不符则不导入。", "Housing stock: one listing (or offer, or a district's monthly sales) per row; units whole, months as 2027-03; the file is checked whole and taken only without a problem.";
    ErrStockKind => "类型「{0}」应为 住宅、车位 或 商铺", "kind “{0}” must be Homes, Parking or Shops";
    ErrStockMonth => "{0}「{1}」不是 年-月（如 2027-03）", "{0} “{1}” is not a year-month (such as 2027-03)";
    ErrStockColumn => "不认识的列「{0}」", "unknown column “{0}”";
    ErrStockMissing => "缺少列：{0}", "columns missing: {0}";
    SheetStockListings => "房源", "Listings";
    SheetStockOffers => "政府团购与收储", "Government offers";
    SheetStockSales => "月均销售", "Monthly sales";
    StockDownload => "下载房源库工作簿", "Download the stock workbook";
    StockImport => "导入房源库工作簿", "Import a stock workbook";
    StockImported => "已导入房源库：房源 {0} 行、政府房源 {1} 行、月均销售 {2} 行（可撤销）", "Stock imported: {0} listings, {1} offers, {2} sales rows (undo takes it back)";
    ReadinessHint => "各项目前期手续与资金条件，按今天（{0}）显示；日期在项目编辑中填写，也可由区县报送表导入。", "Each project's approvals and money conditions as of today ({0}); dates are entered in the project editor or taken from a county's file.";
    DeadlinePassed => "已过 {0} 天", "{0:day|days} ago";
    DeadlineLeft => "还有 {0} 天", "{0:day|days} left";
    DeadlineMet => "：{0}/{1} 个项目按时完成", ": {0} of {1} projects on time";
    GatedLabel => "测算时资金", "In the figures, money";
    GatedHint => "选择后，当前情景中各项目的资金推迟到其前期手续完成的月份，征收、建设与各年财政负担随之推迟；基准方案不变。", "When chosen, each project's money in the scenario shown waits for the month its approvals are done, and its expropriation, building and yearly fiscal burden move with it; the baseline stays as planned.";
    ReadinessZone => "范围", "Zone";
    ReadinessSource => "资金来源", "Source of money";
    ReadinessBoard => "前期手续进度", "Approvals and steps";
    ReadinessCounts => "{0} 个项目：已完成 {1}，30日内到期 {2}，逾期 {3}，未开始 {4}", "{0:project|projects}: {1} done, {2} due within 30 days, {3} late, {4} not started";
    ReadinessLegend => "✓ 已完成（实际日期）　! 逾期（计划日期）　… 30日内到期　· 尚无日期　— 不适用", "✓ done (actual date)   ! late (planned date)   … due within 30 days   · no date   — does not apply";
    MsPlanned => "计划", "planned";
    MsActual => "实际", "actual";
    ReadinessBlocking => "资金卡在哪里（{0} 项）", "What holds the money back ({0})";
    PipelineTitle => "政策性贷款进度", "Policy-loan pipeline";
    PipelineStep => "已到环节", "Furthest step done";
    PipelineProjects => "项目数", "Projects";
    PipelineAmount => "贷款额（亿元）", "Loans (100m yuan)";
    PipelineNotApplied => "尚未申请", "Not applied";
    DisbursementTitle => "贷款发放率（截至{0}）", "Loan disbursement (to {0})";
    DisbursementContracted => "已签合同（亿元）", "Contracted (100m yuan)";
    DisbursementDrawn => "已发放（亿元）", "Drawn (100m yuan)";
    DisbursementRate => "发放率", "Disbursed";
    RiskLevelLabel => "社会稳定风险等级", "Social-stability risk";
    RiskFromOpposition => "按反对率判定", "From the opposition share";
    MilestoneCol => "手续/环节", "Step";
    GateRulesTitle => "资金闸门与期限设置", "Gates and deadlines";
    GatePresetLabel => "闸门规则", "Gate rules";
    GateRequires => "须完成的手续", "Steps it waits for";
    GateMinCoverage => "覆盖倍数不低于", "Coverage at least";
    GateMinMonetized => "货币化安置率不低于", "Monetized rate at least";
    GateRiskNotHigh => "风险评估非高风险", "Risk assessment not high";
    GateMinPresigned => "预签约率不低于", "Pre-signing at least";
    DeadlinesTitle => "全市期限", "The city's deadlines";
    DeadlineLabelCol => "事项", "What";
    DeadlineDayCol => "期限", "By";
    NewDeadline => "新期限", "New deadline";
    AddDeadline => "添加期限", "Add a deadline";
    ShowAllMore => "显示其余 {0} 条", "Show the other {0}";
    UnitKindHome => "住宅", "Homes";
    UnitKindParking => "车位", "Parking";
    UnitKindShop => "商铺", "Shops";
    FieldHousing => "房源库", "Housing stock";
    StockListings => "房源", "Listings";
    StockOffers => "政府团购/收储", "Government offers";
    StockSales => "月均销售", "Monthly sales";
    StockRowName => "房源库「{0}」第 {1} 行", "Housing stock, {0} row {1}";
    DescHousingStock => "修改房源库", "Housing stock changed";
    FindStockShort => "{0}年底前{1}需在市场购房的安置户 {2} 户，可用房源仅 {3} 套（房源库）", "By the end of {0}, {2} households of {1} need a market home; the stock open to them holds {3}";
    FindOffersShort => "{0}年底前{1}政府购买安置 {2} 户，政府团购/收储房源仅 {3} 套", "By the end of {0}, the government buys {2} flats in {1} but offers only {3}";
    FindShortCycle => "{0}商品房消化周期 {1} 个月（< 15 个月），货币化安置率 {2} 高于目标 {3}：应控制货币化比例、适当新建安置房（住房城乡建设部等 2017年8月）", "{0}: homes sell out in {1} months (< 15) while monetized at {2}, above its target {3}: hold monetization back and build (MOHURD and others, Aug 2017)";
    FindOfferPrice => "{0}政府团购/收储报价均价 {1} 元/m²，测算按 {2} 元/m² 计（相差 {3}）：请按报价调整项目或全市的购房单价（房源库）", "{0}: the government is offered flats at {1} yuan/m² on average but its purchases are costed at {2} yuan/m² ({3}): set the projects' or the city's purchase price to the offers (housing stock)";
    FindGroupStockShort => "{0}年底前{1}需在市场购房的安置户 {2} 户，向其开放的房源仅 {3} 套（房源库）", "By the end of {0}, {2} households of {1} need a market home; the stock open to them holds {3}";
    MilestoneNumber => "文号/证号", "Document number";
    SheetReadiness => "前期手续", "Readiness";
    MsPlannedDate => "计划日期", "Planned date";
    MsActualDate => "实际日期", "Actual date";
    ReadinessSheetHint => "前期手续：填写各环节的计划日期、实际日期（年-月-日）与文号/证号；实际日期不得晚于报送日，须在其前置环节之后。", "Approvals and steps: each step's planned and actual date (YYYY-MM-DD) and its number; an actual date may not be after the day of reporting, nor before the step it follows.";
    ErrUnknownMilestone => "不认识的手续环节「{0}」", "unknown step “{0}”";
    ErrNotADay => "「{0}」的日期「{1}」不是 年-月-日", "the date “{1}” of “{0}” is not YYYY-MM-DD";
    FbReadiness => "前期手续与资金条件", "Approvals and conditions of the money";
    GateSentenceClear => "{0}：计划{1}起使用，{2}", "{0}: planned from {1}; {2}";
    DeadlineLine => " {0}（{1}）{2}", " {0} ({1}){2}";
    MsTitle => "{0}：{1}", "{0}: {1}";
    ExampleDocNumber => "西发改投资〔2026〕112号", "issuer [2026] serial";
    ExampleCertNumber => "建字第610102202600017号", "certificate or contract number";
    GateSentence => "{0}：计划{1}起使用，{2}，{3}", "{0}: planned from {1}; {2}; {3}";
}

impl Text {
    /// The entry with `{0}`, `{1}`, … replaced by `args`, in one pass: an argument that itself
    /// contains "{1}" (a project named so) is never substituted again.
    /// The template with `{i}` replaced by `args[i]`; `{i:month|months}` also names the unit,
    /// singular when the argument reads "1" ("1 month", "3 months"): the English plurals.
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        let template = self.tr(lang);
        let mut out = String::with_capacity(template.len() + 16 * args.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let slot = after.find('}').and_then(|close| {
                let (index, forms) = match after[..close].split_once(':') {
                    Some((i, forms)) => (i, forms.split_once('|')),
                    None => (&after[..close], None),
                };
                let arg = args.get(index.parse::<usize>().ok()?)?;
                Some((arg.to_string(), forms, close))
            });
            match slot {
                Some((arg, forms, close)) => {
                    out.push_str(&arg);
                    if let Some((one, many)) = forms {
                        out.push(' ');
                        out.push_str(if arg == "1" { one } else { many });
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Digits are display's (below the words): the formats here put units and words around them.
pub use crate::words::display::fmt_number;

/// Formats 万元 with thousands separators and two decimals (e.g. "12,345.67").
pub fn fmt_wan(v: f64) -> String {
    // One rule for 万元 on every page, print and export: two decimals (0.01 万元 = 100 元).
    fmt_number(v, crate::words::display::WAN_DECIMALS as usize)
}

/// Formats a 万元 amount in 亿元 with two decimals (e.g. "38.68").
pub fn fmt_yi(v_wan: f64) -> String {
    fmt_number(v_wan / 10_000.0, 2)
}

/// A fraction as a percentage with one decimal and a space before the sign: "53.8 %".
pub fn fmt_pct(fraction: f64) -> String {
    format!("{} %", fixed(fraction * 100.0, 1))
}

/// A target or cap as a percentage, whole ones without ".0": "60 %", "12.5 %".
pub fn fmt_limit(fraction: f64) -> String {
    fmt_pct(fraction).replace(".0 %", " %")
}

pub fn fmt_year(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年"),
        Lang::En => year.to_string(),
    }
}

/// A month as planners write it: "2026年11月".
pub fn fmt_month(year: i32, month: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年{month}月"),
        Lang::En => format!("{year}-{month:02}"),
    }
}

/// A day as planners write it: "2026年11月30日".
pub fn fmt_date(year: i32, month: u32, day: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year}年{month}月{day}日"),
        Lang::En => format!("{year}-{month:02}-{day:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_text_the_worker_sends_is_one_string_per_key_in_key_order() {
        let strings = split(Text::english());
        assert_eq!(strings.len(), Text::ALL.len() + 1);
        assert_eq!(
            strings[Text::AppTitle as usize],
            "Shantytown Renovation Planner"
        );
        assert_eq!(strings.last(), Some(&""));
        // What the page installs is what it then shows.
        assert!(install_english(Text::english()));
        assert_eq!(Text::NavProjects.tr(Lang::En), "Projects");
    }

    #[test]
    fn every_text_has_both_languages() {
        for t in Text::ALL {
            assert!(!t.tr(Lang::Zh).is_empty(), "{t:?}");
            assert!(!t.tr(Lang::En).is_empty(), "{t:?}");
        }
    }

    #[test]
    fn fill_substitutes_once() {
        assert_eq!(
            Text::CsvRow.fill(Lang::Zh, &[&3, &"项目{0}{1}"]),
            "第 3 行：项目{0}{1}"
        );
        assert_eq!(Text::CsvRow.fill(Lang::Zh, &[&3]), "第 3 行：{1}");
    }

    #[test]
    fn formats() {
        assert_eq!(fmt_wan(386_800.4), "386,800.40");
        assert_eq!(fmt_wan(-1234.0), "-1,234.00");
        assert_eq!(fmt_wan(-0.002), "0.00");
        assert_eq!(
            Text::BehindConstruction.fill(Lang::En, &[&1]),
            "construction 1 month behind"
        );
        assert_eq!(
            Text::BehindConstruction.fill(Lang::En, &[&3]),
            "construction 3 months behind"
        );
        assert_eq!(
            Text::BehindConstruction.fill(Lang::Zh, &[&1]),
            "未按期开工，滞后 1 个月"
        );
        assert_eq!(fmt_yi(386_800.0), "38.68");
        assert_eq!(fmt_yi(7_600_000.0), "760.00");
        assert_eq!(fmt_pct(0.538), "53.8 %");
        assert_eq!(fmt_pct(-0.0004), "0.0 %");
        assert_eq!(fmt_pct(-0.0), "0.0 %");
        assert_eq!(fmt_number(-0.004, 2), "0.00");
        assert_eq!(fmt_number(-1e-12, 0), "0");
        assert_eq!(fmt_number(-1234.567, 2), "-1,234.57");
        assert_eq!(fmt_month(2026, 11, Lang::Zh), "2026年11月");
        assert_eq!(fmt_year(2027, Lang::Zh), "2027年");
    }
}

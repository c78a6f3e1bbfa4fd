//! A colleague's copy of a plan against the open one: the changes as rows to accept or reject
//! (three-way against the revision both started from, when it is known), and the one list of
//! edits that takes the accepted ones. Projects and scenarios are matched by id, never by row.

use std::collections::{HashMap, HashSet};

use crate::calc::fields::{AssumptionKey, FieldKind, ProjectField, Value};
use crate::calc::model::{status_text, type_text};
use crate::calc::model::{
    Assumptions, CostDriver, Instrument, Project, ProjectId, ResettlementWay,
};
use crate::document::edit::{assumptions_edit, project_edit, BatchKind, Edit, Scenario};
use crate::document::plan::Plan;
use crate::document::provenance::Tally;
use crate::words::i18n::{Lang, Text};

/// A part of a project merged on its own. The shares of a mix go together (they must sum to
/// 100 %), and so do the three land-revenue fields (they come and go as one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectPart {
    Field(ProjectField),
    Land,
    Resettlement,
    Financing,
    Cost(CostDriver),
    /// The project's own PPP spending inputs, taken as one.
    Ppp,
    /// Its income streams besides land sales, taken as one.
    Income,
    /// Its actual progress (start months and monthly figures), taken as one.
    Progress,
    /// One milestone (its days, number and note): a county's loan steps and the city's
    /// approvals merge without conflict.
    Milestone(crate::calc::readiness::Milestone),
    /// The risk assessment's result, the opposition and pre-signing shares.
    ReadinessFacts,
}

fn is_land(f: ProjectField) -> bool {
    matches!(
        f,
        ProjectField::LandAmount | ProjectField::LandStart | ProjectField::LandYears
    )
}

impl ProjectPart {
    /// Every part; together they make the whole project but its id.
    pub fn all() -> impl Iterator<Item = ProjectPart> {
        let fields = ProjectField::ALL.iter().copied().filter(|f| !is_land(*f));
        fields
            .map(ProjectPart::Field)
            .chain([
                ProjectPart::Land,
                ProjectPart::Resettlement,
                ProjectPart::Financing,
            ])
            .chain(CostDriver::ALL.iter().map(|&d| ProjectPart::Cost(d)))
            .chain([ProjectPart::Ppp, ProjectPart::Income, ProjectPart::Progress])
            .chain(
                crate::calc::readiness::Milestone::ALL
                    .iter()
                    .map(|&m| ProjectPart::Milestone(m)),
            )
            .chain([ProjectPart::ReadinessFacts])
    }

    fn same(self, a: &Project, b: &Project) -> bool {
        match self {
            ProjectPart::Field(f) => f.get(a) == f.get(b),
            ProjectPart::Land => a.land_revenue == b.land_revenue,
            ProjectPart::Resettlement => a.resettlement == b.resettlement,
            ProjectPart::Financing => a.financing == b.financing,
            ProjectPart::Cost(d) => d.get_override(&a.costs) == d.get_override(&b.costs),
            ProjectPart::Ppp => a.ppp == b.ppp,
            ProjectPart::Income => a.income == b.income,
            ProjectPart::Progress => a.progress == b.progress,
            ProjectPart::Milestone(m) => a.readiness.record(m) == b.readiness.record(m),
            ProjectPart::ReadinessFacts => facts(a) == facts(b),
        }
    }

    fn take(self, into: &mut Project, from: &Project) {
        match self {
            ProjectPart::Field(f) => f.set(into, f.get(from)),
            ProjectPart::Land => into.land_revenue = from.land_revenue,
            ProjectPart::Resettlement => into.resettlement = from.resettlement,
            ProjectPart::Financing => into.financing = from.financing,
            ProjectPart::Cost(d) => d.set_override(&mut into.costs, d.get_override(&from.costs)),
            ProjectPart::Ppp => into.ppp = from.ppp,
            ProjectPart::Income => into.income = from.income.clone(),
            ProjectPart::Progress => into.progress = from.progress.clone(),
            ProjectPart::Milestone(m) => match from.readiness.record(m) {
                Some(r) => {
                    into.readiness.milestones.insert(m, r.clone());
                }
                None => {
                    into.readiness.milestones.remove(&m);
                }
            },
            ProjectPart::ReadinessFacts => {
                (
                    into.readiness.risk,
                    into.readiness.opposition,
                    into.readiness.presigned,
                ) = facts(from);
            }
        }
    }

    /// Its name as the editor labels it.
    pub fn label(self, lang: Lang) -> String {
        match self {
            ProjectPart::Field(f) => f.label().tr(lang).into(),
            ProjectPart::Land => Text::LandRevenueCol.tr(lang).into(),
            ProjectPart::Resettlement => Text::NavResettlement.tr(lang).into(),
            ProjectPart::Financing => Text::NavFinancing.tr(lang).into(),
            ProjectPart::Cost(d) => d.label().tr(lang).into(),
            ProjectPart::Ppp => Text::DescPppInputs.tr(lang).into(),
            ProjectPart::Income => Text::IncomeTitle.tr(lang).into(),
            ProjectPart::Progress => Text::ProgressTitle.tr(lang).into(),
            ProjectPart::Milestone(m) => m.label().tr(lang).into(),
            ProjectPart::ReadinessFacts => Text::ReadinessFacts.tr(lang).into(),
        }
    }

    /// Its value in `p` to more digits where two values read alike at the usual ones (mixes
    /// differing below 0.1 %), so a change row never shows the same text on both sides.
    pub fn show_exact(self, p: &Project, lang: Lang) -> String {
        match self {
            ProjectPart::Resettlement | ProjectPart::Financing => self.mix(p, 4, lang),
            _ => self.show(p, lang),
        }
    }

    /// A mix's non-zero shares, in percent to `decimals`.
    fn mix(self, p: &Project, decimals: usize, lang: Lang) -> String {
        let parts: Vec<(Text, f64)> = match self {
            ProjectPart::Resettlement => ResettlementWay::ALL
                .iter()
                .map(|w| (w.label(), w.get(&p.resettlement)))
                .collect(),
            _ => Instrument::ALL
                .iter()
                .map(|i| (i.label(), i.get(&p.financing)))
                .collect(),
        };
        shares(parts.into_iter(), decimals, lang)
    }

    /// Its value in `p`, as the planner reads it.
    pub fn show(self, p: &Project, lang: Lang) -> String {
        match self {
            ProjectPart::Field(f) => show_field(f, p, lang),
            ProjectPart::Land => match p.land_revenue {
                None => Text::None.tr(lang).into(),
                Some(_) => [
                    ProjectField::LandAmount,
                    ProjectField::LandStart,
                    ProjectField::LandYears,
                ]
                .map(|f| format!("{} {}", f.label().tr(lang), show_field(f, p, lang)))
                .join(Text::ListSeparator.tr(lang)),
            },
            ProjectPart::Resettlement | ProjectPart::Financing => self.mix(p, 1, lang),
            ProjectPart::Cost(d) => match d.get_override(&p.costs) {
                Some(v) => d.unit().show(v, lang),
                None => Text::CityDefault.tr(lang).into(),
            },
            ProjectPart::Progress => match p.progress.months.last() {
                None => Text::None.tr(lang).into(),
                Some(r) => Text::ProgressAsOf.fill(
                    lang,
                    &[
                        &r.month.label(lang),
                        &r.signed,
                        &r.monetized_total(),
                        &r.started_units,
                    ],
                ),
            },
            ProjectPart::Income if p.income.is_empty() => Text::None.tr(lang).into(),
            ProjectPart::Income => p
                .income
                .iter()
                .map(|s| {
                    format!(
                        "{} {}",
                        s.kind.label().tr(lang),
                        crate::calc::fields::Unit::Wan.show(s.amount, lang)
                    )
                })
                .collect::<Vec<_>>()
                .join(Text::ListSeparator.tr(lang)),
            ProjectPart::Milestone(m) => match p.readiness.record(m) {
                None => Text::None.tr(lang).into(),
                Some(r) => {
                    let day = |d: Option<crate::calc::readiness::Day>| {
                        d.map_or_else(|| "—".to_string(), |d| d.label(lang))
                    };
                    let mut s = format!(
                        "{} {}{}{} {}",
                        Text::MsPlanned.tr(lang),
                        day(r.planned),
                        Text::ListSeparator.tr(lang),
                        Text::MsActual.tr(lang),
                        day(r.actual)
                    );
                    if !r.number.is_empty() {
                        s += &format!("{}{}", Text::ListSeparator.tr(lang), r.number);
                    }
                    s
                }
            },
            ProjectPart::ReadinessFacts => {
                let r = &p.readiness;
                let pct =
                    |v: Option<f64>| v.map_or_else(|| "—".to_string(), crate::words::i18n::fmt_pct);
                format!(
                    "{} {}{}{} {}{}{} {}",
                    Text::RiskLevelLabel.tr(lang),
                    r.risk_level().map_or("—", |l| l.label().tr(lang)),
                    Text::ListSeparator.tr(lang),
                    Text::FieldOpposition.tr(lang),
                    pct(r.opposition),
                    Text::ListSeparator.tr(lang),
                    Text::FieldPresigned.tr(lang),
                    pct(r.presigned)
                )
            }
            ProjectPart::Ppp if p.ppp.is_default() => Text::CityDefault.tr(lang).into(),
            ProjectPart::Ppp => crate::calc::fields::PppInput::ALL
                .iter()
                .filter_map(|i| {
                    let v = i.get(&p.ppp)?;
                    Some(format!("{} {}", i.label().tr(lang), i.unit().show(v, lang)))
                })
                .collect::<Vec<_>>()
                .join(Text::ListSeparator.tr(lang)),
        }
    }
}

/// What a project's gates read besides its milestones.
type Facts = (
    Option<crate::calc::readiness::RiskLevel>,
    Option<f64>,
    Option<f64>,
);

fn facts(p: &Project) -> Facts {
    let r = &p.readiness;
    (r.risk, r.opposition, r.presigned)
}

fn show_field(f: ProjectField, p: &Project, lang: Lang) -> String {
    match (f.kind(), f.get(p)) {
        (FieldKind::Kind, _) => type_text(p.kind).tr(lang).into(),
        (FieldKind::Status, _) => status_text(p.status).tr(lang).into(),
        (FieldKind::Number { unit, .. }, Value::Number(v)) => unit.show(v, lang),
        (_, Value::Number(v)) => crate::words::display::plain_number(v, 0),
        (_, Value::Bool(b)) => if b { Text::Yes } else { Text::No }.tr(lang).into(),
        (_, Value::Text(s)) if s.is_empty() => Text::None.tr(lang).into(),
        (_, Value::Text(s)) => s,
    }
}

/// The non-zero shares of a mix: "货币补偿 30 %，新建安置 70 %".
fn shares(parts: impl Iterator<Item = (Text, f64)>, decimals: usize, lang: Lang) -> String {
    let shown: Vec<String> = parts
        .filter(|(_, v)| *v != 0.0)
        .map(|(t, v)| {
            let pct = match decimals {
                1 => crate::words::i18n::fmt_pct(v),
                _ => format!(
                    "{} %",
                    crate::words::display::plain_number(v * 100.0, decimals)
                ),
            };
            format!("{} {pct}", t.tr(lang))
        })
        .collect();
    shown.join(Text::ListSeparator.tr(lang))
}

/// A part of the plan outside its projects and scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanPart {
    Name,
    Assumption(AssumptionKey),
    CostDefault(CostDriver),
    /// The assumptions that are choices, not numbers (repayment methods, the PPP formula).
    Choices,
    /// The risk page's ranges, draws, seed and ceiling.
    Risk,
    /// The optimizer's objective, bounds and limits.
    Optimize,
    /// The counties' monthly reports received and the ranking's weights.
    Reporting,
    /// The window's length (two years, or three).
    Window,
    /// The housing stock (房源库), whole.
    Housing,
    /// The 考核办法, whole.
    Assessment,
}

impl PlanPart {
    fn all() -> impl Iterator<Item = PlanPart> {
        std::iter::once(PlanPart::Name)
            .chain(AssumptionKey::ALL.iter().map(|&k| PlanPart::Assumption(k)))
            .chain(CostDriver::ALL.iter().map(|&d| PlanPart::CostDefault(d)))
            .chain([
                PlanPart::Choices,
                PlanPart::Risk,
                PlanPart::Optimize,
                PlanPart::Reporting,
                PlanPart::Window,
                PlanPart::Housing,
                PlanPart::Assessment,
            ])
    }

    fn same(self, a: &Plan, b: &Plan) -> bool {
        match self {
            PlanPart::Name => a.name == b.name,
            PlanPart::Assumption(k) => k.get(&a.assumptions) == k.get(&b.assumptions),
            PlanPart::CostDefault(d) => d.get(&a.assumptions.costs) == d.get(&b.assumptions.costs),
            PlanPart::Choices => choices(&a.assumptions) == choices(&b.assumptions),
            PlanPart::Risk => a.risk == b.risk,
            PlanPart::Optimize => a.optimize == b.optimize,
            PlanPart::Reporting => a.reporting == b.reporting,
            PlanPart::Window => a.window_years == b.window_years,
            PlanPart::Housing => a.housing == b.housing,
            PlanPart::Assessment => a.assessment == b.assessment,
        }
    }

    fn take(self, into: &mut Plan, from: &Plan) {
        let (a, f) = (&mut into.assumptions, &from.assumptions);
        match self {
            PlanPart::Name => into.name = from.name.clone(),
            PlanPart::Assumption(k) => k.set(a, k.get(f)),
            PlanPart::CostDefault(d) => d.set(&mut a.costs, d.get(&f.costs)),
            PlanPart::Choices => {
                let mut taken = f.clone();
                copy_numbers(&mut taken, a);
                *a = taken;
            }
            PlanPart::Risk => into.risk = from.risk.clone(),
            PlanPart::Optimize => into.optimize = from.optimize.clone(),
            PlanPart::Reporting => into.reporting = from.reporting.clone(),
            PlanPart::Window => into.window_years = from.window_years,
            PlanPart::Housing => into.housing = from.housing.clone(),
            PlanPart::Assessment => into.assessment = from.assessment.clone(),
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            PlanPart::Name => Text::PlanName.tr(lang).into(),
            // "年利率" is in three sections: the section says which.
            PlanPart::Assumption(k) => {
                format!("{}·{}", k.section().label().tr(lang), k.label().tr(lang))
            }
            PlanPart::CostDefault(d) => {
                format!("{}·{}", Text::SectionCosts.tr(lang), d.label().tr(lang))
            }
            PlanPart::Choices => Text::AssumptionChoices.tr(lang).into(),
            PlanPart::Risk => Text::RiskSettingsLabel.tr(lang).into(),
            PlanPart::Optimize => Text::OptimizeSettingsLabel.tr(lang).into(),
            PlanPart::Reporting => Text::ReportingLabel.tr(lang).into(),
            PlanPart::Window => Text::FieldWindow.tr(lang).into(),
            PlanPart::Housing => Text::FieldHousing.tr(lang).into(),
            PlanPart::Assessment => Text::FieldAssessment.tr(lang).into(),
        }
    }

    pub fn show(self, p: &Plan, lang: Lang) -> String {
        match self {
            PlanPart::Name => p.name.clone(),
            PlanPart::Window => {
                Text::WindowOption.fill(lang, &[&p.window_years, &p.first_year, &p.last_year()])
            }
            PlanPart::Assumption(k) => k.unit().show(k.get(&p.assumptions), lang),
            PlanPart::CostDefault(d) => d.unit().show(d.get(&p.assumptions.costs), lang),
            // Settings are shown whole: what a colleague reads is that they differ.
            PlanPart::Choices
            | PlanPart::Risk
            | PlanPart::Optimize
            | PlanPart::Reporting
            | PlanPart::Housing
            | PlanPart::Assessment => String::new(),
        }
    }
}

/// `into` with the numbers (assumption fields and default costs) of `from`.
fn copy_numbers(into: &mut Assumptions, from: &Assumptions) {
    for k in AssumptionKey::ALL {
        k.set(into, k.get(from));
    }
    for d in CostDriver::ALL {
        d.set(&mut into.costs, d.get(&from.costs));
    }
}

/// The assumptions with every number zeroed: what is left are the choices.
fn choices(a: &Assumptions) -> Assumptions {
    let mut c = a.clone();
    let zero = {
        let mut z = a.clone();
        for k in AssumptionKey::ALL {
            k.set(&mut z, 0.0);
        }
        for d in CostDriver::ALL {
            d.set(&mut z.costs, 0.0);
        }
        z
    };
    copy_numbers(&mut c, &zero);
    c
}

/// What a change row is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    Plan(PlanPart),
    /// A project; `parts` are those changed (one, for a conflict between two edits).
    Project {
        id: ProjectId,
        parts: Vec<ProjectPart>,
    },
    Scenario(String),
    /// The order of the projects both sides have.
    ProjectOrder,
    ScenarioOrder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Theirs has it, ours not.
    Added,
    /// Ours has it, theirs not.
    Removed,
    Changed,
}

/// One row of the change list: taking it makes that part of the open plan as in theirs.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub subject: Subject,
    pub kind: ChangeKind,
    /// Both sides changed it, differently, since the revision they share: the planner chooses.
    pub conflict: bool,
}

/// How a colleague's file relates to the open plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// A copy of the same plan (or close enough to compare).
    Copy,
    OtherCity,
    OtherYears,
    /// Not one project in common.
    Unrelated,
}

pub fn relation(ours: &Plan, theirs: &Plan) -> Relation {
    let ids: HashSet<&str> = ours.projects.iter().map(|p| p.id.as_str()).collect();
    let shared = theirs.projects.iter().any(|p| ids.contains(p.id.as_str()));
    if ours.city != theirs.city {
        Relation::OtherCity
    } else if ours.first_year != theirs.first_year {
        Relation::OtherYears
    } else if !shared && !ours.projects.is_empty() && !theirs.projects.is_empty() {
        Relation::Unrelated
    } else {
        Relation::Copy
    }
}

/// Ours and theirs, the revision both started from when known, and every change between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The shared revision; `None`: two-way (every difference is theirs to offer).
    pub base: Option<Plan>,
    pub ours: Plan,
    pub theirs: Plan,
    pub changes: Vec<Change>,
}

/// Three-way value rule: `Some(conflict)` when theirs brings a change to take.
fn offered(base_same_theirs: bool, base_same_ours: bool, ours_same_theirs: bool) -> Option<bool> {
    if ours_same_theirs || base_same_theirs {
        None
    } else {
        Some(!base_same_ours)
    }
}

impl Comparison {
    /// Compares `theirs` with `ours`; with `base`, only what theirs changed since it is
    /// offered, and what both changed differently is a conflict.
    pub fn new(base: Option<Plan>, ours: Plan, theirs: Plan) -> Self {
        let b = base.as_ref().unwrap_or(&ours);
        let mut changes = Vec::new();
        for part in PlanPart::all() {
            let rule = offered(
                part.same(b, &theirs),
                part.same(b, &ours),
                part.same(&ours, &theirs),
            );
            if let Some(conflict) = rule {
                changes.push(Change {
                    subject: Subject::Plan(part),
                    kind: ChangeKind::Changed,
                    conflict,
                });
            }
        }
        project_changes(b, &ours, &theirs, &mut changes);
        scenario_changes(b, &ours, &theirs, &mut changes);
        let ids = |p: &Plan| p.projects.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        let sids = |p: &Plan| p.scenarios.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        for (subject, order) in [
            (Subject::ProjectOrder, [ids(b), ids(&ours), ids(&theirs)]),
            (
                Subject::ScenarioOrder,
                [sids(b), sids(&ours), sids(&theirs)],
            ),
        ] {
            if let Some(conflict) = order_change(&order) {
                changes.push(Change {
                    subject,
                    kind: ChangeKind::Changed,
                    conflict,
                });
            }
        }
        Comparison {
            base,
            ours,
            theirs,
            changes,
        }
    }

    /// The open plan with the changes where `take[i]` is true made as in theirs.
    pub fn merged(&self, take: &[bool]) -> Plan {
        let mut target = self.ours.clone();
        let mut arrange = (false, false);
        for (c, _) in self.changes.iter().zip(take).filter(|(_, &t)| t) {
            match &c.subject {
                Subject::Plan(part) => part.take(&mut target, &self.theirs),
                Subject::Project { id, parts } => self.take_project(&mut target, c.kind, id, parts),
                Subject::Scenario(id) => self.take_scenario(&mut target, c.kind, id),
                Subject::ProjectOrder => arrange.0 = true,
                Subject::ScenarioOrder => arrange.1 = true,
            }
        }
        if arrange.0 {
            let order: Vec<&str> = self.theirs.projects.iter().map(|p| p.id.as_str()).collect();
            follow(&mut target.projects, &order, |p| &p.id);
        }
        if arrange.1 {
            let order: Vec<&str> = self
                .theirs
                .scenarios
                .iter()
                .map(|s| s.id.as_str())
                .collect();
            follow(&mut target.scenarios, &order, |s| &s.id);
        }
        target
    }

    fn take_project(&self, target: &mut Plan, kind: ChangeKind, id: &str, parts: &[ProjectPart]) {
        let theirs = self.theirs.projects.iter().position(|p| p.id == id);
        let ours = target.projects.iter().position(|p| p.id == id);
        match (kind, theirs, ours) {
            (ChangeKind::Removed, _, Some(i)) => {
                target.projects.remove(i);
            }
            (ChangeKind::Added, Some(t), None) => {
                let at = after_predecessor(&self.theirs.projects, t, &target.projects, |p| &p.id);
                target.projects.insert(at, self.theirs.projects[t].clone());
            }
            (ChangeKind::Changed, Some(t), Some(i)) => {
                for part in parts {
                    part.take(&mut target.projects[i], &self.theirs.projects[t]);
                }
            }
            _ => {}
        }
    }

    fn take_scenario(&self, target: &mut Plan, kind: ChangeKind, id: &str) {
        let theirs = self.theirs.scenarios.iter().position(|s| s.id == id);
        let ours = target.scenarios.iter().position(|s| s.id == id);
        match (theirs, ours) {
            (Some(t), Some(i)) => target.scenarios[i] = self.theirs.scenarios[t].clone(),
            (Some(t), None) => {
                let at = after_predecessor(&self.theirs.scenarios, t, &target.scenarios, |s| &s.id);
                target
                    .scenarios
                    .insert(at, self.theirs.scenarios[t].clone());
            }
            (None, Some(i)) if kind == ChangeKind::Removed => {
                target.scenarios.remove(i);
            }
            _ => {}
        }
    }

    /// The one step that takes the chosen changes, or `None` when they change nothing.
    pub fn edit(&self, take: &[bool]) -> Option<Edit> {
        edit_towards(&self.ours, &self.merged(take), BatchKind::Merge)
    }

    /// Projects added, removed and changed by the rows (all of them when `take` is all true).
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for c in &self.changes {
            match (&c.subject, c.kind) {
                (Subject::Project { .. }, ChangeKind::Added) => t.added += 1,
                (Subject::Project { .. }, ChangeKind::Removed) => t.removed += 1,
                (Subject::Project { .. }, ChangeKind::Changed) => t.changed += 1,
                _ => {}
            }
        }
        t
    }
}

/// A change row as the planner reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowText {
    pub title: String,
    /// Each part that differs: ours and theirs side by side.
    pub details: Vec<Detail>,
    /// The project's 备注/意见 (theirs when they wrote one), shown with the row.
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub label: String,
    pub ours: String,
    pub theirs: String,
}

impl ChangeKind {
    /// Its name in test ids and style classes.
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

impl Comparison {
    /// The row's title and its parts, ours against theirs, labelled as in the editor.
    pub fn describe(&self, change: &Change, lang: Lang) -> RowText {
        let (title, details, comment) = match &change.subject {
            Subject::Plan(part) => self.describe_plan_part(*part, lang),
            Subject::Project { id, parts } => self.describe_project(change.kind, id, parts, lang),
            Subject::Scenario(id) => {
                let find = |p: &Plan| p.scenarios.iter().find(|s| s.id == *id).cloned();
                let (o, t) = (find(&self.ours), find(&self.theirs));
                let name = t
                    .as_ref()
                    .or(o.as_ref())
                    .map_or(id.clone(), |s| s.name.clone());
                let title = match change.kind {
                    ChangeKind::Added => Text::RowScenarioAdded,
                    ChangeKind::Removed => Text::RowScenarioRemoved,
                    ChangeKind::Changed => Text::RowScenarioChanged,
                };
                let details = self.scenario_details(o.as_ref(), t.as_ref(), lang);
                (title.fill(lang, &[&name]), details, None)
            }
            Subject::ProjectOrder => self.describe_order(true, lang),
            Subject::ScenarioOrder => self.describe_order(false, lang),
        };
        RowText {
            title,
            details,
            comment,
        }
    }

    fn describe_plan_part(
        &self,
        part: PlanPart,
        lang: Lang,
    ) -> (String, Vec<Detail>, Option<String>) {
        let details = match part {
            PlanPart::Choices => choice_details(&self.ours, &self.theirs),
            _ => vec![Detail {
                label: part.label(lang),
                ours: part.show(&self.ours, lang),
                theirs: part.show(&self.theirs, lang),
            }],
        };
        (
            Text::RowPlan.fill(lang, &[&part.label(lang)]),
            details,
            None,
        )
    }

    /// The order of the items both have, from the first place where the two orders part.
    fn describe_order(&self, projects: bool, lang: Lang) -> (String, Vec<Detail>, Option<String>) {
        let list = |p: &Plan| -> Vec<(String, String)> {
            if projects {
                p.projects
                    .iter()
                    .map(|x| (x.id.clone(), x.name.clone()))
                    .collect()
            } else {
                p.scenarios
                    .iter()
                    .map(|x| (x.id.clone(), x.name.clone()))
                    .collect()
            }
        };
        let (o, t) = common_order(list(&self.ours), list(&self.theirs));
        let from = o.iter().zip(&t).take_while(|(a, b)| a == b).count();
        let show = |names: &[String]| {
            let shown: Vec<&str> = names[from..].iter().map(String::as_str).take(4).collect();
            Text::OrderFrom.fill(
                lang,
                &[&(from + 1), &shown.join(Text::ListSeparator.tr(lang))],
            )
        };
        let title = if projects {
            Text::RowProjectOrder
        } else {
            Text::RowScenarioOrder
        };
        let d = Detail {
            label: title.tr(lang).into(),
            ours: show(&o),
            theirs: show(&t),
        };
        (title.tr(lang).into(), vec![d], None)
    }

    /// A scenario added or removed in one line; a changed one by its name, note and each edit
    /// that differs (with its values when the descriptions read alike).
    fn scenario_details(
        &self,
        o: Option<&Scenario>,
        t: Option<&Scenario>,
        lang: Lang,
    ) -> Vec<Detail> {
        let line = |s: Option<&Scenario>| match s {
            None => Text::Removed.tr(lang).to_string(),
            Some(s) => Text::ScenarioSummary.fill(lang, &[&s.name, &s.edits.len()]),
        };
        let (Some(os), Some(ts)) = (o, t) else {
            let label = Text::Scenario.tr(lang).to_string();
            return vec![Detail {
                label,
                ours: line(o),
                theirs: line(t),
            }];
        };
        let mut out = Vec::new();
        for (label, a, b) in [
            (Text::ScenarioNameLabel, &os.name, &ts.name),
            (Text::ScenarioNoteLabel, &os.note, &ts.note),
        ] {
            if a != b {
                out.push(Detail {
                    label: label.tr(lang).into(),
                    ours: a.clone(),
                    theirs: b.clone(),
                });
            }
        }
        let edit = |e: Option<&Edit>, other: Option<&Edit>| match e {
            None => Text::None.tr(lang).to_string(),
            Some(e) => {
                let text = e.describe(&self.ours, lang);
                if other.is_some_and(|x| x.describe(&self.ours, lang) == text) {
                    format!("{text} {}", serde_json::to_string(e).unwrap_or_default())
                } else {
                    text
                }
            }
        };
        let n = os.edits.len().max(ts.edits.len());
        for i in (0..n)
            .filter(|&i| os.edits.get(i) != ts.edits.get(i))
            .take(3)
        {
            let (a, b) = (os.edits.get(i), ts.edits.get(i));
            out.push(Detail {
                label: Text::ScenarioEditNo.fill(lang, &[&(i + 1)]),
                ours: edit(a, b),
                theirs: edit(b, a),
            });
        }
        out
    }

    fn describe_project(
        &self,
        kind: ChangeKind,
        id: &str,
        parts: &[ProjectPart],
        lang: Lang,
    ) -> (String, Vec<Detail>, Option<String>) {
        let find = |p: &Plan| p.projects.iter().find(|x| x.id == id).cloned();
        let (o, t) = (find(&self.ours), find(&self.theirs));
        let name = t
            .as_ref()
            .or(o.as_ref())
            .map_or(id.to_string(), |p| p.name.clone());
        let comment = [&t, &o]
            .into_iter()
            .flatten()
            .map(|p| p.comment.clone())
            .find(|c| !c.is_empty());
        // An added or removed project is shown by what identifies it.
        let summary = |p: &Option<Project>, part: ProjectPart| match p {
            Some(p) => part.show(p, lang),
            None => Text::Removed.tr(lang).into(),
        };
        let shown: Vec<ProjectPart> = match kind {
            ChangeKind::Changed => parts.to_vec(),
            _ => [
                ProjectField::District,
                ProjectField::Year,
                ProjectField::Households,
                ProjectField::Area,
            ]
            .map(ProjectPart::Field)
            .to_vec(),
        };
        let details = shown
            .into_iter()
            .map(|part| {
                let (mut ours, mut theirs) = (summary(&o, part), summary(&t, part));
                if let (true, Some(a), Some(b)) = (ours == theirs, &o, &t) {
                    (ours, theirs) = (part.show_exact(a, lang), part.show_exact(b, lang));
                }
                Detail {
                    label: part.label(lang),
                    ours,
                    theirs,
                }
            })
            .collect();
        let title = match kind {
            ChangeKind::Added => Text::RowProjectAdded,
            ChangeKind::Removed => Text::RowProjectRemoved,
            ChangeKind::Changed => Text::RowProjectChanged,
        };
        (title.fill(lang, &[&name]), details, comment)
    }
}

/// The names of the items both lists have, in each list's order.
fn common_order(
    ours: Vec<(String, String)>,
    theirs: Vec<(String, String)>,
) -> (Vec<String>, Vec<String>) {
    let o_ids: HashSet<String> = ours.iter().map(|(id, _)| id.clone()).collect();
    let t_ids: HashSet<String> = theirs.iter().map(|(id, _)| id.clone()).collect();
    let keep = |l: Vec<(String, String)>, other: &HashSet<String>| -> Vec<String> {
        l.into_iter()
            .filter(|(id, _)| other.contains(id))
            .map(|(_, name)| name)
            .collect()
    };
    (keep(ours, &t_ids), keep(theirs, &o_ids))
}

/// The choices that differ, by their document path, ours against theirs.
fn choice_details(ours: &Plan, theirs: &Plan) -> Vec<Detail> {
    fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let path = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    flatten(&path, v, out);
                }
            }
            other => out.push((prefix.to_string(), other.to_string())),
        }
    }
    let leaves = |p: &Plan| {
        let mut out = Vec::new();
        let v = serde_json::to_value(choices(&p.assumptions)).expect("assumptions serialize");
        flatten("", &v, &mut out);
        out
    };
    let (o, t) = (leaves(ours), leaves(theirs));
    o.into_iter()
        .zip(t)
        .filter(|(a, b)| a != b)
        .map(|((label, ours), (_, theirs))| Detail {
            label,
            ours,
            theirs,
        })
        .collect()
}

/// The project rows: presence first (added, removed), then each part both have.
fn project_changes(b: &Plan, ours: &Plan, theirs: &Plan, out: &mut Vec<Change>) {
    let index = |p: &Plan| -> HashMap<String, usize> {
        p.projects
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.clone(), i))
            .collect()
    };
    let (bi, oi) = (index(b), index(ours));
    fn get<'a>(p: &'a Plan, ix: &HashMap<String, usize>, id: &str) -> Option<&'a Project> {
        ix.get(id).map(|&i| &p.projects[i])
    }
    let ti = index(theirs);
    // Theirs' projects in theirs' order, then those only ours has, in ours' order.
    let ids = theirs.projects.iter().map(|p| &p.id).chain(
        ours.projects
            .iter()
            .map(|p| &p.id)
            .filter(|id| !ti.contains_key(*id)),
    );
    for id in ids {
        let (bp, op, tp) = (get(b, &bi, id), get(ours, &oi, id), get(theirs, &ti, id));
        let row = |parts: Vec<ProjectPart>, kind, conflict| Change {
            subject: Subject::Project {
                id: id.clone(),
                parts,
            },
            kind,
            conflict,
        };
        match (bp, op, tp) {
            // Both added a project under one id: all of it is in question.
            (None, Some(o), Some(t)) => {
                let parts: Vec<ProjectPart> =
                    ProjectPart::all().filter(|p| !p.same(o, t)).collect();
                if !parts.is_empty() {
                    out.push(row(parts, ChangeKind::Changed, true));
                }
            }
            (Some(base), Some(o), Some(t)) => {
                let (mut plain, mut conflicts) = (Vec::new(), Vec::new());
                for part in ProjectPart::all() {
                    match offered(part.same(base, t), part.same(base, o), part.same(o, t)) {
                        Some(false) => plain.push(part),
                        Some(true) => conflicts.push(part),
                        None => {}
                    }
                }
                if !plain.is_empty() {
                    out.push(row(plain, ChangeKind::Changed, false));
                }
                out.extend(
                    conflicts
                        .into_iter()
                        .map(|p| row(vec![p], ChangeKind::Changed, true)),
                );
            }
            // Theirs removed it; a conflict when ours changed it meanwhile.
            (Some(base), Some(o), None) => {
                out.push(row(Vec::new(), ChangeKind::Removed, base != o))
            }
            // Ours removed it; a conflict when theirs changed it meanwhile.
            (Some(base), None, Some(t)) if base != t => {
                out.push(row(Vec::new(), ChangeKind::Added, true))
            }
            (None, None, Some(_)) => out.push(row(Vec::new(), ChangeKind::Added, false)),
            _ => {}
        }
    }
}

/// The scenario rows: a scenario is taken or left whole.
fn scenario_changes(b: &Plan, ours: &Plan, theirs: &Plan, out: &mut Vec<Change>) {
    let find = |p: &Plan, id: &str| p.scenarios.iter().find(|s| s.id == id).cloned();
    let mut ids: Vec<&String> = theirs.scenarios.iter().map(|s| &s.id).collect();
    ids.extend(
        ours.scenarios
            .iter()
            .map(|s| &s.id)
            .filter(|id| find(theirs, id).is_none()),
    );
    for id in ids {
        let (bs, os, ts) = (find(b, id), find(ours, id), find(theirs, id));
        let Some(conflict) = offered(bs == ts, bs == os, os == ts) else {
            continue;
        };
        let kind = match (&os, &ts) {
            (None, _) => ChangeKind::Added,
            (_, None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        out.push(Change {
            subject: Subject::Scenario(id.clone()),
            kind,
            conflict,
        });
    }
}

/// Whether theirs reorders what all three have (`Some(conflict)`), from `[base, ours, theirs]`.
fn order_change(order: &[Vec<String>; 3]) -> Option<bool> {
    let sets: Vec<HashSet<&String>> = order.iter().map(|o| o.iter().collect()).collect();
    let common = |o: &Vec<String>| -> Vec<String> {
        o.iter()
            .filter(|id| sets.iter().all(|s| s.contains(id)))
            .cloned()
            .collect()
    };
    let [b, o, t] = [common(&order[0]), common(&order[1]), common(&order[2])];
    offered(b == t, b == o, o == t)
}

/// Where to put item `t` of `theirs` in `target`: right after the nearest item before it in
/// theirs that target has, or first.
fn after_predecessor<T>(theirs: &[T], t: usize, target: &[T], id: fn(&T) -> &String) -> usize {
    theirs[..t]
        .iter()
        .rev()
        .find_map(|x| target.iter().position(|y| id(y) == id(x)))
        .map_or(0, |i| i + 1)
}

/// Puts the items that `order` names in its order, in the places they hold; the others stay.
fn follow<T: Clone>(items: &mut [T], order: &[&str], id: fn(&T) -> &String) {
    let rank: HashMap<&str, usize> = order.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let slots: Vec<usize> = (0..items.len())
        .filter(|&i| rank.contains_key(id(&items[i]).as_str()))
        .collect();
    let mut sorted: Vec<T> = slots.iter().map(|&i| items[i].clone()).collect();
    crate::words::order::sort_by_key(&mut sorted, |x| rank[id(x).as_str()]);
    for (&slot, x) in slots.iter().zip(sorted) {
        items[slot] = x;
    }
}

/// The edits that turn `from` into `to`, as one step of `kind` (`None` when they are equal):
/// the name, the assumptions, the projects (removed, changed, added, moved), the scenarios, the
/// submission record and the risk and optimizer settings.
pub fn edit_towards(from: &Plan, to: &Plan, kind: BatchKind) -> Option<Edit> {
    let mut edits = Vec::new();
    // The window first: the projects' years are read against it.
    if (from.first_year, from.window_years) != (to.first_year, to.window_years) {
        edits.push(Edit::SetWindow {
            first_year: to.first_year,
            years: to.window_years,
        });
    }
    if from.name != to.name {
        edits.push(Edit::RenamePlan {
            name: to.name.clone(),
        });
    }
    edits.extend(assumptions_edit(&from.assumptions, &to.assumptions));
    project_edits(from, to, &mut edits);
    scenario_edits(from, to, &mut edits);
    if from.submissions != to.submissions {
        edits.push(Edit::SetSubmissions {
            submissions: to.submissions.clone(),
        });
    }
    if from.risk != to.risk {
        edits.push(Edit::SetRisk {
            risk: Box::new(to.risk.clone()),
        });
    }
    if from.optimize != to.optimize {
        edits.push(Edit::SetOptimize {
            settings: Box::new(to.optimize.clone()),
        });
    }
    if from.reporting.receipts != to.reporting.receipts {
        edits.push(Edit::SetReceipts {
            receipts: to.reporting.receipts.clone(),
        });
    }
    if from.gates != to.gates {
        edits.push(Edit::SetGates {
            gates: Box::new(to.gates.clone()),
        });
    }
    if from.deadlines != to.deadlines {
        edits.push(Edit::SetDeadlines {
            deadlines: to.deadlines.clone(),
        });
    }
    if from.housing != to.housing {
        edits.push(Edit::SetHousingStock {
            stock: Box::new(to.housing.clone()),
        });
    }
    if from.assessment != to.assessment {
        edits.push(Edit::SetAssessment {
            scheme: Box::new(to.assessment.clone()),
        });
    }
    if from.reporting.weights != to.reporting.weights {
        edits.push(Edit::SetRankingWeights {
            weights: to.reporting.weights.clone(),
        });
    }
    (!edits.is_empty()).then_some(Edit::Batch { kind, edits })
}

fn project_edits(from: &Plan, to: &Plan, edits: &mut Vec<Edit>) {
    let target: HashMap<&str, &Project> = to.projects.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut work: Vec<&str> = Vec::new();
    for p in &from.projects {
        match target.get(p.id.as_str()) {
            None => edits.push(Edit::DeleteProject {
                project: p.id.clone(),
            }),
            Some(t) => {
                edits.extend(project_edit(p, t));
                work.push(&p.id);
            }
        }
    }
    let add = |index, p: &Project| Edit::AddProject {
        index,
        project: Box::new(p.clone()),
    };
    let mv = |project: String, to| Edit::MoveProject { project, to };
    arrive(&mut work, &to.projects, |p| &p.id, add, mv, edits);
}

fn scenario_edits(from: &Plan, to: &Plan, edits: &mut Vec<Edit>) {
    let mut work: Vec<&str> = Vec::new();
    for s in &from.scenarios {
        match to.scenarios.iter().find(|t| t.id == s.id) {
            None => edits.push(Edit::DeleteScenario {
                scenario: s.id.clone(),
            }),
            Some(t) if t == s => work.push(&s.id),
            Some(t)
                if Scenario {
                    name: s.name.clone(),
                    ..t.clone()
                } == *s =>
            {
                work.push(&s.id);
                edits.push(Edit::RenameScenario {
                    scenario: s.id.clone(),
                    name: t.name.clone(),
                });
            }
            Some(t) => {
                let at = work.len();
                edits.push(Edit::DeleteScenario {
                    scenario: s.id.clone(),
                });
                edits.push(Edit::AddScenario {
                    index: at,
                    scenario: Box::new(t.clone()),
                });
                work.push(&s.id);
            }
        }
    }
    let add = |index, s: &Scenario| Edit::AddScenario {
        index,
        scenario: Box::new(s.clone()),
    };
    let mv = |scenario: String, to| Edit::MoveScenario { scenario, to };
    arrive(&mut work, &to.scenarios, |s| &s.id, add, mv, edits);
}

/// The additions (in `to`'s order) of the items `work` lacks, then the moves that put `work`
/// in `to`'s order: the tail of the edits towards a list.
fn arrive<'a, T>(
    work: &mut Vec<&'a str>,
    to: &'a [T],
    id: fn(&T) -> &String,
    add: impl Fn(usize, &T) -> Edit,
    mv: impl Fn(String, usize) -> Edit,
    edits: &mut Vec<Edit>,
) {
    let had: HashSet<&str> = work.iter().copied().collect();
    for (i, item) in to.iter().enumerate() {
        if !had.contains(id(item).as_str()) {
            let at = i.min(work.len());
            work.insert(at, id(item));
            edits.push(add(at, item));
        }
    }
    let order: Vec<&str> = to.iter().map(|x| id(x).as_str()).collect();
    for (i, moved) in moves(work, &order) {
        edits.push(mv(moved.to_string(), i));
    }
}

/// The moves (id to position) that put `work` in `order` (same items), made on `work`.
fn moves<'a>(work: &mut Vec<&'a str>, order: &[&'a str]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    for (i, &id) in order.iter().enumerate() {
        if work[i] != id {
            if let Some(j) = work.iter().position(|&w| w == id) {
                let item = work.remove(j);
                work.insert(i, item);
                out.push((i, id));
            }
        }
    }
    out
}

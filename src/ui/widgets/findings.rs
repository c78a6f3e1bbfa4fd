//! 测算发现: one expandable line per rule and severity, opening onto findings that link to their subject.

use leptos::prelude::*;

use crate::calc::rules::{Finding, RuleId, Severity, Subject};
use crate::present::finding_groups::{group_findings, FindingGroup};
use crate::ui::shell::state::{lang, t, Store, Tab};
use crate::words::i18n::{Lang, Text};

/// The view's wording, from the catalogue.
mod strings {
    use super::{Lang, RuleId, Severity, Text};

    /// What a rule's findings have in common, as a heading.
    pub fn rule_title(rule: RuleId, lang: Lang) -> &'static str {
        match rule {
            RuleId::MonetizedTarget => Text::RuleTitleMonetized,
            RuleId::PppCap => Text::RuleTitlePppCap,
            RuleId::PppNewGovPay => Text::RuleTitlePppNewGovPay,
            RuleId::BondSelfBalance => Text::RuleTitleBondBalance,
            RuleId::BondAppraisal => Text::RuleTitleBondAppraisal,
            RuleId::BondTerm => Text::RuleTitleBondTerm,
            RuleId::PppNewMechanism => Text::RuleTitlePppNewMechanism,
            RuleId::ServicePurchaseNewProject => Text::RuleTitleServicePurchaseNew,
            RuleId::LandCover => Text::RuleTitleLandCover,
        }
        .tr(lang)
    }

    pub fn severity(s: Severity, lang: Lang) -> &'static str {
        match s {
            Severity::Miss => Text::SeverityMiss,
            Severity::Warning => Text::SeverityWarning,
        }
        .tr(lang)
    }

    /// "22个项目、3个年度" / "22 projects, 3 years".
    pub fn reach(projects: usize, groups: usize, years: usize, lang: Lang) -> String {
        let parts: Vec<String> = [
            (projects, Text::ReachProjects),
            (groups, Text::ReachAreas),
            (years, Text::ReachYears),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, t)| t.fill(lang, &[&n]))
        .collect();
        parts.join(Text::ReachSeparator.tr(lang))
    }

    pub fn worst(lang: Lang) -> &'static str {
        Text::Worst.tr(lang)
    }
}

/// The heading line of a group: severity, rule, reach and the worst case.
fn summary_text(g: &FindingGroup, lang: Lang) -> (String, String) {
    let reach = strings::reach(g.projects, g.groups, g.years, lang);
    let worst = g.worst().message(lang);
    let detail = if g.findings.len() == 1 {
        worst
    } else {
        format!("{reach}{}{}{worst}", pick_sep(lang), strings::worst(lang))
    };
    (strings::rule_title(g.rule, lang).to_string(), detail)
}

fn pick_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

/// A binding miss's group starts open up to this many findings; a longer one (every new project
/// on 政府购买服务) starts as its summary line, which names its reach and worst case, so that
/// the charts below are not pushed out of view.
const OPEN_UP_TO: usize = 5;

/// One group: a `<details>` whose summary is the group line; binding misses start open.
fn group_view(g: FindingGroup, open_subject: Callback<Subject>) -> impl IntoView {
    let l = lang();
    let miss = g.severity == Severity::Miss;
    let open = miss && g.findings.len() <= OPEN_UP_TO;
    let (title, detail) = summary_text(&g, l);
    let count = g.findings.len();
    let items = g
        .findings
        .into_iter()
        .map(|f| {
            let msg = f.message(l);
            let subject = f.subject;
            view! {
                <li data-testid="finding">
                    <button type="button" class="link" on:click=move |_| open_subject.run(subject.clone())>
                        {msg}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="finding-group" class:miss=miss class:warning=!miss data-testid="finding-group">
            <details open=open>
                <summary>
                    <span class="severity">{strings::severity(g.severity, l)}</span>
                    " "
                    <strong>{title}</strong>
                    <span class="count">{format!(" ({count}) ")}</span>
                    <span class="detail">{detail}</span>
                </summary>
                <ul>{items}</ul>
            </details>
        </li>
    }
}

/// The rules' verdict on the results, and the same grouped: not stored by simulate, computed
/// when the results change and read by every page that shows them (the KPI strip on every page,
/// 测算结果's groups), not recomputed per visit.
#[derive(Clone, Copy)]
pub struct FindingGroups {
    pub findings: Memo<Vec<Finding>>,
    pub groups: Memo<Vec<FindingGroup>>,
}

impl FindingGroups {
    pub fn new(store: Store) -> Self {
        let findings = Memo::new(move |_| {
            store.view.with(|p| {
                store
                    .results
                    .with(|r| crate::calc::rules::findings(&p.assumptions, r))
            })
        });
        Self {
            findings,
            groups: Memo::new(move |_| findings.with(|f| group_findings(f))),
        }
    }
}

#[component]
pub fn Findings() -> impl IntoView {
    let store = expect_context::<Store>();
    let open_subject = Callback::new(move |subject: Subject| match subject {
        Subject::Project { id, .. } => {
            store.tab.set(Tab::Projects);
            store.selected.set(Some(id));
        }
        Subject::Group(_) => store.tab.set(Tab::Resettlement),
        Subject::Year(_) => store.tab.set(Tab::Assumptions),
    });
    let groups = expect_context::<FindingGroups>().groups;
    view! {
        <section class="findings" data-testid="findings">
            <h2>{move || t(Text::FindingsTitle)}</h2>
            {move || {
                let groups = groups.get();
                if groups.is_empty() {
                    return view! { <p class="ok">{t(Text::NoFindings)}</p> }.into_any();
                }
                view! {
                    <ul class="finding-groups">
                        {groups.into_iter().map(|g| group_view(g, open_subject)).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

//! 考核 as it is shown, printed and sent: a score explained line by line in words, and the
//! period's paper (the districts' and the leaders' scores item by item, the movers against the
//! period before, the 督办清单 and the 逾期未回迁 register) as the tables that the page, its A4
//! paper and its workbook all draw, so their figures are one.

use crate::analysis::assessment::{
    assess, overdue_register, supervision_list, Assessed, Assessment, Problem, Scored,
};
use crate::calc::assessment::{Period, Score};
use crate::calc::model::{Answering, Month};
use crate::document::plan::Plan;
use crate::present::progress::change_text;
use crate::present::report::{Cell, Table};
use crate::words::display::fixed;
use crate::words::i18n::{fmt_pct, Lang, Text};

/// Why a project is on the 督办清单, in words.
pub fn problem_text(p: Problem) -> Text {
    match p {
        Problem::Behind => Text::SuperviseBehind,
        Problem::PreWorkStalled => Text::SupervisePreWork,
        Problem::LoanUndrawn => Text::SuperviseLoan,
        Problem::SigningStuck => Text::SuperviseSigning,
        Problem::ReportLate => Text::SuperviseReport,
    }
}

/// A score's lines as sentences ("开工率 20.0 %（目标 25.0 %）：0 分 / 20，一票否决"), then its
/// deductions.
pub fn explain(score: &Score, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = score
        .lines
        .iter()
        .map(|l| {
            let value = l
                .value
                .map_or_else(|| Text::AssessNotMeasured.tr(lang).to_string(), fmt_pct);
            let why = if l.vetoed {
                Text::AssessVetoed.tr(lang)
            } else if l.zeroed {
                Text::AssessZeroed.tr(lang)
            } else {
                ""
            };
            Text::AssessLine.fill(
                lang,
                &[
                    &l.indicator.label().tr(lang),
                    &value,
                    &fmt_pct(l.target),
                    &fixed(l.points, 2),
                    &fixed(l.weight, 0),
                    &why,
                ],
            )
        })
        .collect();
    out.extend(score.deductions.iter().map(|d| {
        Text::AssessDeducted.fill(
            lang,
            &[&d.kind.label().tr(lang), &d.count, &fixed(d.points, 2)],
        )
    }));
    out
}

/// The period's paper: 月检查通报, 季度点评 or 年度考核 by the period's kind.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentReport {
    pub title: String,
    pub districts: Table,
    pub leaders: Table,
    /// Each district's score and place against the period before.
    pub movers: Table,
    /// The 督办清单 at the month's end.
    pub supervision: Table,
    /// 逾期未回迁 at the month's end.
    pub overdue: Table,
    /// The same by district: projects, households, the longest overdue.
    pub overdue_districts: Table,
    /// 包抓责任分工: who answers for each project, leader by leader.
    pub duties: Table,
}

/// The paper's title: "{plan} · 2027年第1季度棚改工作季度点评".
pub fn title(plan_name: &str, period: Period, lang: Lang) -> String {
    let kind = match period {
        Period::Month(_) => Text::AssessPaperMonth,
        Period::Quarter(..) => Text::AssessPaperQuarter,
        Period::Year(_) => Text::AssessPaperYear,
    };
    kind.fill(lang, &[&plan_name, &period.label(lang)])
}

/// The paper of `period`, its lists as of `month` and kept to the projects `who` keeps (the
/// scores are everyone's).
pub fn assessment_report(
    plan: &Plan,
    period: Period,
    month: Month,
    who: &Answering,
    lang: Lang,
) -> AssessmentReport {
    let now = assess(plan, period);
    let before = assess(plan, period.previous());
    AssessmentReport {
        title: title(&plan.name, period, lang),
        districts: scores_table(plan, &now.districts, lang),
        leaders: scores_table(plan, &now.leaders, lang),
        movers: movers_table(&now, &before, lang),
        supervision: supervision_table(plan, month, who, lang),
        overdue: overdue_table(plan, month, who, lang),
        overdue_districts: overdue_by_district(plan, month, who, lang),
        duties: duties_table(plan, who, lang),
    }
}

/// Points as printed: to the hundredth, so a cell, its sum and its change read alike on screen,
/// paper and sheet.
fn points(v: f64) -> Cell {
    Cell::Points(hundredths(v))
}

fn hundredths(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn headers(texts: &[Text], lang: Lang) -> Vec<String> {
    texts.iter().map(|t| t.tr(lang).to_string()).collect()
}

/// The 包抓领导's post, from the first of their projects that names one.
pub fn post_of(plan: &Plan, lead: &str) -> String {
    plan.projects
        .iter()
        .filter(|p| p.lead == lead)
        .map(|p| p.responsibility.post.clone())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
}

/// A ranking, item by item: place, name (and a leader's post), each item's points under its
/// indicator and weight, the points deducted, the total, the grade, and which vetoes fell.
fn scores_table(plan: &Plan, rows: &[Scored], lang: Lang) -> Table {
    let leaders = rows
        .first()
        .is_some_and(|s| matches!(s.who, Assessed::Leader(_)));
    let mut header = headers(&[Text::ColRank, Text::AssessWho], lang);
    if leaders {
        header.push(Text::FieldPost.tr(lang).to_string());
    }
    header.extend(plan.assessment.items.iter().map(|i| {
        Text::AssessItemHead.fill(lang, &[&i.indicator.label().tr(lang), &fixed(i.weight, 0)])
    }));
    header.extend(headers(
        &[
            Text::AssessDeductedHead,
            Text::AssessTotal,
            Text::AssessGrade,
            Text::AssessNote,
        ],
        lang,
    ));
    let rows = rows
        .iter()
        .map(|s| {
            let mut row = vec![Cell::Count(s.rank as u64), Cell::Text(s.who.name().into())];
            if leaders {
                row.push(Cell::Text(post_of(plan, s.who.name())));
            }
            row.extend(s.score.lines.iter().map(|l| points(l.points)));
            let deducted: f64 = s.score.deductions.iter().map(|d| d.points).sum();
            let vetoes: Vec<String> = s
                .score
                .lines
                .iter()
                .filter(|l| l.vetoed)
                .map(|l| Text::AssessVetoNote.fill(lang, &[&l.indicator.label().tr(lang)]))
                .collect();
            row.extend([
                points(deducted),
                points(s.score.total),
                Cell::Text(s.score.grade.label().tr(lang).into()),
                Cell::Text(vetoes.join(Text::ListSeparator.tr(lang))),
            ]);
            row
        })
        .collect();
    Table { header, rows }
}

/// Each district in this period's order: its score and place now and in the period before,
/// and how they moved.
fn movers_table(now: &Assessment, before: &Assessment, lang: Lang) -> Table {
    let header = headers(
        &[
            Text::ColDistrict,
            Text::AssessScoreNow,
            Text::AssessScoreBefore,
            Text::AssessScoreChange,
            Text::AssessRankNow,
            Text::AssessRankBefore,
            Text::AssessRankChange,
        ],
        lang,
    );
    let rows = now
        .districts
        .iter()
        .map(|s| {
            let then = before.districts.iter().find(|b| b.who == s.who);
            let change = then.map(|b| b.rank as i64 - s.rank as i64);
            let dash = || Cell::Text("—".into());
            vec![
                Cell::Text(s.who.name().into()),
                points(s.score.total),
                then.map_or_else(dash, |b| points(b.score.total)),
                then.map_or_else(dash, |b| {
                    points(hundredths(s.score.total) - hundredths(b.score.total))
                }),
                Cell::Count(s.rank as u64),
                then.map_or_else(dash, |b| Cell::Count(b.rank as u64)),
                Cell::Text(change_text(change, lang)),
            ]
        })
        .collect();
    Table { header, rows }
}

/// The 督办清单: each project with its leader, unit, problems, who holds the duties they fall
/// under (where not the leader), months on the list and whether it is a 约谈 candidate.
pub fn supervision_table(plan: &Plan, month: Month, who: &Answering, lang: Lang) -> Table {
    let header = headers(
        &[
            Text::ColName,
            Text::ColDistrict,
            Text::FieldLead,
            Text::FieldUnit,
            Text::SuperviseProblems,
            Text::SuperviseHolders,
            Text::SuperviseMonths,
            Text::SuperviseCallIn,
        ],
        lang,
    );
    let sep = Text::ListSeparator.tr(lang);
    let rows = supervision_list(plan, month)
        .into_iter()
        .filter(|s| project_kept(plan, &s.id, who))
        .map(|s| {
            let problems: Vec<&str> = s
                .problems
                .iter()
                .map(|&p| problem_text(p).tr(lang))
                .collect();
            let holders: Vec<String> = s
                .holders
                .iter()
                .map(|(d, h)| Text::DutyHolder.fill(lang, &[&d.label().tr(lang), h]))
                .collect();
            vec![
                Cell::Text(s.name),
                Cell::Text(s.district),
                Cell::Text(s.lead),
                Cell::Text(s.unit),
                Cell::Text(problems.join(sep)),
                Cell::Text(holders.join(sep)),
                Cell::Count(u64::from(s.months)),
                Cell::Text(if s.interview {
                    Text::Yes.tr(lang).into()
                } else {
                    String::new()
                }),
            ]
        })
        .collect();
    Table { header, rows }
}

/// 逾期未回迁: each project past its promised handover, with its leader, unit and 包安置.
pub fn overdue_table(plan: &Plan, month: Month, who: &Answering, lang: Lang) -> Table {
    let header = headers(
        &[
            Text::ColName,
            Text::ColDistrict,
            Text::FieldLead,
            Text::FieldUnit,
            Text::DutyResettlement,
            Text::OverduePromised,
            Text::OverdueHouseholds,
            Text::OverdueMonths,
        ],
        lang,
    );
    let rows = overdue_register(plan, month)
        .into_iter()
        .filter(|o| project_kept(plan, &o.id, who))
        .map(|o| {
            vec![
                Cell::Text(o.name),
                Cell::Text(o.district),
                Cell::Text(o.lead),
                Cell::Text(o.unit),
                Cell::Text(o.resettlement),
                Cell::Text(o.promised.label(lang)),
                Cell::Count(o.households),
                Cell::Count(o.months.max(0) as u64),
            ]
        })
        .collect();
    Table { header, rows }
}

/// 逾期未回迁 by district, in the districts' order: how many projects, how many households, the
/// most months any is overdue; then the city.
pub fn overdue_by_district(plan: &Plan, month: Month, who: &Answering, lang: Lang) -> Table {
    let header = headers(
        &[
            Text::ColDistrict,
            Text::OverdueProjects,
            Text::OverdueHouseholds,
            Text::OverdueLongest,
        ],
        lang,
    );
    let list: Vec<_> = overdue_register(plan, month)
        .into_iter()
        .filter(|o| project_kept(plan, &o.id, who))
        .collect();
    let row = |name: String, of: &[&crate::analysis::assessment::Overdue]| {
        vec![
            Cell::Text(name),
            Cell::Count(of.len() as u64),
            Cell::Count(of.iter().map(|o| o.households).sum()),
            Cell::Count(of.iter().map(|o| o.months.max(0) as u64).max().unwrap_or(0)),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = plan
        .districts()
        .into_iter()
        .filter_map(|d| {
            let of: Vec<_> = list.iter().filter(|o| o.district == d).collect();
            (!of.is_empty()).then(|| row(d, &of))
        })
        .collect();
    if !rows.is_empty() {
        rows.push(row(
            Text::Overall.tr(lang).to_string(),
            &list.iter().collect::<Vec<_>>(),
        ));
    }
    Table { header, rows }
}

/// 包抓责任分工: each project kept by `who`, grouped by its 包抓领导 (in the order the leaders
/// first appear in the plan), with the post, the 责任单位 and who holds each of the seven
/// duties ("本人" where the leader kept it).
pub fn duties_table(plan: &Plan, who: &Answering, lang: Lang) -> Table {
    use crate::calc::model::Duty;
    let mut header = headers(
        &[
            Text::FieldLead,
            Text::FieldPost,
            Text::ColName,
            Text::ColDistrict,
            Text::FieldUnit,
        ],
        lang,
    );
    header.extend(Duty::ALL.iter().map(|d| d.label().tr(lang).to_string()));
    let kept: Vec<_> = plan.projects.iter().filter(|p| who.keeps(p)).collect();
    let mut leads: Vec<&str> = Vec::new();
    for p in &kept {
        if !leads.contains(&p.lead.as_str()) {
            leads.push(&p.lead);
        }
    }
    let rows = leads
        .into_iter()
        .flat_map(|l| kept.iter().filter(move |p| p.lead == l))
        .map(|p| {
            let r = &p.responsibility;
            let mut row = vec![
                Cell::Text(p.lead.clone()),
                Cell::Text(r.post.clone()),
                Cell::Text(p.name.clone()),
                Cell::Text(p.district.clone()),
                Cell::Text(r.unit.clone()),
            ];
            row.extend(Duty::ALL.iter().map(|&d| {
                Cell::Text(match r.duty(d) {
                    "" => Text::DutyKept.tr(lang).to_string(),
                    holder => holder.to_string(),
                })
            }));
            row
        })
        .collect();
    Table { header, rows }
}

fn project_kept(plan: &Plan, id: &str, who: &Answering) -> bool {
    plan.projects
        .iter()
        .find(|p| p.id == id)
        .is_some_and(|p| who.keeps(p))
}

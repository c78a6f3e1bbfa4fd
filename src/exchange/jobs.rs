//! The long jobs the page hands to its worker: a job in, its progress and outcome out, as plain
//! values that cross to the worker and back as JSON (a file's bytes travel beside them).

use serde::{Deserialize, Serialize};

use crate::analysis::optimize::{self, Answer, Phase, Settings};
use crate::analysis::risk::{self, Summary};
use crate::calc::model::{Month, Project};
use crate::document::edit::Edit;
use crate::document::plan::Plan;
use crate::document::risk_settings::RiskSettings;
use crate::exchange::merge::Comparison;
use crate::exchange::progress_sheet::{self, ProgressFile};
use crate::exchange::workbook;
use crate::words::i18n::{Lang, Text};

/// What the worker is asked to do. Each carries the plan it works on: the worker keeps none.
/// The enums crossing between page and worker are externally tagged (`{"optimize": {…}}`): an
/// internally tagged one is read through serde's buffered `Content`, a second reader of every
/// type it carries (the whole plan, in `Outcome`) in the page's module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Job {
    /// 求最优方案 on the view (the plan as the active scenario sees it).
    Optimize {
        view: Plan,
        settings: Settings,
        lang: Lang,
    },
    /// The Monte Carlo draws on the view.
    Draws { view: Plan, settings: RiskSettings },
    /// 导出 Excel: the document with its active scenario.
    Workbook {
        doc: Plan,
        active: Option<String>,
        lang: Lang,
    },
    /// The blank project list a county fills in.
    Template { doc: Plan, lang: Lang },
    /// The view's project list as CSV (the writer lives in the worker, off the first visit).
    ProjectCsv { view: Plan, lang: Lang },
    /// A project list (Excel or CSV, its bytes beside the job) read against the view.
    ReadProjectList {
        name: String,
        view: Plan,
        lang: Lang,
    },
    /// A county's progress template for a month.
    ProgressTemplate {
        doc: Plan,
        district: String,
        month: Month,
        lang: Lang,
    },
    /// A county's filled-in progress file (its bytes beside the job) read against the base;
    /// its steps' actual days may not be after `today`.
    ReadProgress {
        doc: Plan,
        today: crate::calc::readiness::Day,
        lang: Lang,
    },
    /// A plan document (its bytes beside the job) checked as an import is: off the page's
    /// thread (a province's file takes seconds to read), with its unknown fields named.
    ReadPlan { lang: Lang },
    /// Every English string (the page's module leaves them out of its first visit).
    English,
    /// The housing stock as a workbook (房源库, filled in).
    StockWorkbook {
        stock: crate::calc::housing::HousingStock,
        lang: Lang,
    },
    /// A stock workbook (its bytes beside the job) read whole.
    ReadStock { lang: Lang },
    /// The month's progress report as a workbook.
    ProgressWorkbook {
        view: Plan,
        month: Month,
        lang: Lang,
    },
    /// The 考核 paper of a period as a workbook, its lists as of `month` kept to `who`'s
    /// projects.
    AssessmentWorkbook {
        view: Plan,
        period: crate::calc::assessment::Period,
        month: Month,
        who: crate::calc::model::Answering,
        lang: Lang,
    },
}

/// How far a job has got, for the page's progress line.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Optimizing { phase: Phase },
    Drawing { done: usize, total: usize },
}

/// A changed project: its name and its mixes, ours → the answer's.
pub type Changed = (String, Vec<(String, String, String)>);

/// The optimizer's answer as the page shows it: the edits that make it from the view (not the
/// whole plan: a thousand projects would cost the page's thread their reading), the objective
/// before and after, the limits that bind (described), what changed project by project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solved {
    pub edits: Vec<Edit>,
    pub before: f64,
    pub after: f64,
    pub feasible: bool,
    pub binding: Vec<String>,
    pub changes: Vec<Changed>,
}

impl Solved {
    pub fn of(view: &Plan, answer: Answer, s: &Settings, lang: Lang) -> Self {
        let compared = Comparison::new(None, view.clone(), answer.plan.clone());
        let changes = compared
            .changes
            .iter()
            .map(|c| {
                let row = compared.describe(c, lang);
                let details = row
                    .details
                    .into_iter()
                    .map(|d| (d.label, d.ours, d.theirs))
                    .collect();
                (row.title, details)
            })
            .collect();
        Solved {
            binding: answer
                .binding
                .iter()
                .map(|b| b.describe(s.objective, lang))
                .collect(),
            edits: optimize::edits(view, &answer.plan),
            before: answer.before,
            after: answer.after,
            feasible: answer.feasible,
            changes,
        }
    }
}

/// What a job gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Optimized {
        solved: Box<Solved>,
    },
    Drawn {
        summary: Box<Summary>,
    },
    /// A file made (its bytes beside the outcome), or why it could not be.
    File {
        error: Option<String>,
    },
    /// The projects read, or the message saying why the file is refused.
    ProjectList {
        read: Result<Vec<Project>, String>,
    },
    /// A county's progress file read, or the message saying why it is refused.
    ProgressFile {
        read: Result<Box<ProgressFile>, String>,
    },
    /// A plan file read, or the message saying why it is refused.
    PlanFile {
        read: Result<Box<crate::exchange::format::Imported>, String>,
    },
    /// A stock workbook read, or every problem in it.
    StockFile {
        read: Result<crate::calc::housing::HousingStock, Vec<String>>,
    },
}

/// Risk draws per step: a report of progress about every few milliseconds.
const DRAWS_PER_STEP: usize = 5;

/// Runs `job` (with `bytes`, a file it reads), calling `progress` after each step of the long
/// ones; the outcome and the bytes of a file it made.
pub fn run(job: Job, bytes: &[u8], progress: &mut dyn FnMut(Progress)) -> (Outcome, Vec<u8>) {
    match job {
        Job::Optimize {
            view,
            settings,
            lang,
        } => {
            let mut work = optimize::Run::new(&view, &settings);
            while !work.step() {
                progress(Progress::Optimizing {
                    phase: work.phase(),
                });
            }
            let solved = Solved::of(&view, work.answer(), &settings, lang);
            let solved = Box::new(solved);
            (Outcome::Optimized { solved }, Vec::new())
        }
        Job::Draws { view, settings } => {
            let mut work = risk::Run::new(&view, &settings);
            while !work.step(DRAWS_PER_STEP) {
                progress(Progress::Drawing {
                    done: work.done(),
                    total: work.total(),
                });
            }
            let summary = Box::new(work.summary());
            (Outcome::Drawn { summary }, Vec::new())
        }
        Job::Workbook { doc, active, lang } => {
            let scenario = active.and_then(|id| doc.scenario(&id).cloned());
            file(workbook::export(&doc, scenario.as_ref(), lang))
        }
        Job::Template { doc, lang } => file(workbook::template(&doc, lang)),
        Job::ProjectCsv { view, lang } => (
            Outcome::File { error: None },
            crate::exchange::project_csv::write(&view.projects, lang).into_bytes(),
        ),
        Job::ReadProjectList { name, view, lang } => {
            let read = workbook::read_project_list(bytes, &name, &view, lang)
                .map_err(|problems| workbook::refusal_message(bytes, &name, problems, lang));
            (Outcome::ProjectList { read }, Vec::new())
        }
        Job::ProgressTemplate {
            doc,
            district,
            month,
            lang,
        } => file(progress_sheet::template(&doc, &district, month, lang)),
        Job::ReadProgress { doc, today, lang } => {
            let read = progress_sheet::read(bytes, &doc, today, lang)
                .map(Box::new)
                .map_err(|problems| {
                    let listed = crate::exchange::format::summarize(problems.into_iter(), lang);
                    Text::ErrProgressFile.fill(lang, &[&listed])
                });
            (Outcome::ProgressFile { read }, Vec::new())
        }
        Job::StockWorkbook { stock, lang } => {
            file(crate::exchange::stock_sheet::write(&stock, lang))
        }
        Job::ReadStock { lang } => (
            Outcome::StockFile {
                read: crate::exchange::stock_sheet::read(bytes, lang),
            },
            Vec::new(),
        ),
        Job::English => (
            Outcome::File { error: None },
            Text::english().as_bytes().to_vec(),
        ),
        Job::ReadPlan { lang } => {
            let read = crate::exchange::format::import(bytes)
                .map(Box::new)
                .map_err(|e| e.message(lang));
            (Outcome::PlanFile { read }, Vec::new())
        }
        Job::ProgressWorkbook { view, month, lang } => {
            file(workbook::progress_report(&view, month, lang))
        }
        Job::AssessmentWorkbook {
            view,
            period,
            month,
            who,
            lang,
        } => file(workbook::assessment_report(
            &view, period, month, &who, lang,
        )),
    }
}

fn file<E: std::fmt::Display>(made: Result<Vec<u8>, E>) -> (Outcome, Vec<u8>) {
    match made {
        Ok(bytes) => (Outcome::File { error: None }, bytes),
        Err(e) => (
            Outcome::File {
                error: Some(e.to_string()),
            },
            Vec::new(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::demo::demo_plan;

    /// Through JSON and back, as the worker sees it and as the page reads its answer.
    fn across<T: Serialize + for<'a> Deserialize<'a>>(v: &T) -> T {
        serde_json::from_str(&serde_json::to_string(v).unwrap()).unwrap()
    }

    #[test]
    fn the_optimizer_through_the_worker_gives_the_answer_run_here() {
        let view = demo_plan();
        let settings = Settings::default();
        let job = Job::Optimize {
            view: view.clone(),
            settings: settings.clone(),
            lang: Lang::Zh,
        };
        let mut steps = 0;
        let (outcome, _) = run(across(&job), &[], &mut |_| steps += 1);
        let direct = Solved::of(
            &view,
            optimize::optimize(&view, &settings),
            &settings,
            Lang::Zh,
        );
        assert!(steps > 1, "progress reported");
        assert_eq!(
            across(&outcome),
            Outcome::Optimized {
                solved: Box::new(direct)
            }
        );
    }

    #[test]
    fn the_draws_through_the_worker_give_the_summary_run_here() {
        let view = demo_plan();
        let settings = RiskSettings {
            draws: 40,
            ..Default::default()
        };
        let job = Job::Draws {
            view: view.clone(),
            settings: settings.clone(),
        };
        let mut last = None;
        let (outcome, _) = run(across(&job), &[], &mut |p| last = Some(p));
        assert_eq!(
            last,
            Some(Progress::Drawing {
                done: 35,
                total: 40
            })
        );
        let summary = Box::new(risk::run(&view, &settings));
        assert_eq!(across(&outcome), Outcome::Drawn { summary });
    }

    #[test]
    fn a_workbook_made_by_the_worker_reads_back_as_the_plan_s_projects() {
        let doc = demo_plan();
        let job = Job::Workbook {
            doc: doc.clone(),
            active: None,
            lang: Lang::Zh,
        };
        let (outcome, bytes) = run(across(&job), &[], &mut |_| {});
        assert_eq!(outcome, Outcome::File { error: None });
        assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");
        let read = Job::ReadProjectList {
            name: "项目清单.xlsx".into(),
            view: doc.clone(),
            lang: Lang::Zh,
        };
        let (outcome, _) = run(across(&read), &bytes, &mut |_| {});
        assert_eq!(
            across(&outcome),
            Outcome::ProjectList {
                read: Ok(doc.projects.clone())
            }
        );
    }

    #[test]
    fn a_refused_list_says_why_in_the_worker_s_answer() {
        let doc = demo_plan();
        let read = Job::ReadProjectList {
            name: "项目清单.csv".into(),
            view: doc,
            lang: Lang::Zh,
        };
        let (outcome, _) = run(read, b"\xff\xfe not text", &mut |_| {});
        let Outcome::ProjectList { read: Err(message) } = outcome else {
            panic!("refused: {outcome:?}");
        };
        assert!(message.contains("UTF-8"), "{message}");
    }

    #[test]
    fn a_county_s_progress_goes_out_and_back_through_the_worker() {
        let doc = demo_plan();
        let month = Month::new(2027, 4).unwrap();
        let job = Job::ProgressTemplate {
            doc: doc.clone(),
            district: "X县".into(),
            month,
            lang: Lang::Zh,
        };
        let (outcome, bytes) = run(across(&job), &[], &mut |_| {});
        assert_eq!(outcome, Outcome::File { error: None });
        let today = crate::calc::readiness::Day::new(2027, 5, 3).unwrap();
        let read = Job::ReadProgress {
            doc: doc.clone(),
            today,
            lang: Lang::Zh,
        };
        let (outcome, _) = run(across(&read), &bytes, &mut |_| {});
        let direct = progress_sheet::read(&bytes, &doc, today, Lang::Zh).unwrap();
        assert_eq!(
            across(&outcome),
            Outcome::ProgressFile {
                read: Ok(Box::new(direct))
            }
        );
        let (outcome, _) = run(read, b"not a workbook", &mut |_| {});
        let Outcome::ProgressFile { read: Err(message) } = outcome else {
            panic!("{outcome:?}")
        };
        assert!(message.starts_with("进度文件中有错误"), "{message}");
        let report = Job::ProgressWorkbook {
            view: doc,
            month,
            lang: Lang::Zh,
        };
        let (outcome, bytes) = run(across(&report), &[], &mut |_| {});
        assert_eq!(outcome, Outcome::File { error: None });
        assert!(bytes.starts_with(b"PK"));
    }
}

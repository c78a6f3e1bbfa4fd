//! The only code touching the page's worker, where the long jobs run off the page's thread
//! (`exchange::jobs`): loaded on first use, one job per worker at a time, ended by 取消.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::calc::model::Project;
use crate::document::plan::Plan;
use crate::exchange::jobs::{Job, Outcome, Progress};
use crate::words::i18n::{Lang, Text};

/// Why a job gave no outcome.
#[derive(Debug, Clone, PartialEq)]
pub enum Stopped {
    Cancelled,
    /// The worker could not be loaded or failed: the message says so, in the page's language.
    Failed(String),
}

type Finished = Result<(Outcome, Vec<u8>), Stopped>;
/// Where a job's end is handed over, once.
type Finish = Rc<RefCell<Option<Box<dyn FnOnce(Finished)>>>>;

thread_local! {
    /// A started worker without a job: the next job takes it instead of loading it again.
    static IDLE: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    /// The file read under way, which the page's 取消 ends.
    static READING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// A read quicker than this shows nothing; a longer one names the file, with 取消.
const SHOW_READING_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// Runs `job`, which reads the file `name`: from 300 ms on `reading` names it (the page says
/// so, with 取消) until the job ends.
async fn read_file(
    loading: RwSignal<bool>,
    reading: RwSignal<Option<String>>,
    lang: Lang,
    job: &Job,
    bytes: &[u8],
    name: &str,
) -> Finished {
    let (running, finished) = run(loading, lang, job, bytes.to_vec(), |_| {});
    READING.with(|r| *r.borrow_mut() = Some(running));
    let done = Rc::new(std::cell::Cell::new(false));
    let (shown, name) = (done.clone(), name.to_string());
    set_timeout(
        move || {
            if !shown.get() {
                reading.set(Some(name));
            }
        },
        SHOW_READING_AFTER,
    );
    let outcome = finished.await;
    done.set(true);
    READING.with(|r| r.borrow_mut().take());
    reading.set(None);
    // Cancelled while the module loaded, the job never heard `ready`: the page stops saying so.
    loading.set(false);
    outcome
}

/// Ends the file read under way (its job answers as cancelled: nothing is taken).
pub fn cancel_read() {
    if let Some(running) = READING.with(|r| r.borrow_mut().take()) {
        running.cancel();
    }
}

/// A job under way: `cancel` ends it, and the worker with it (the next job starts another).
#[derive(Clone)]
pub struct Running {
    worker: Rc<RefCell<Option<web_sys::Worker>>>,
    finish: Finish,
}

impl Running {
    pub fn cancel(&self) {
        self.cancel_with(Stopped::Cancelled);
    }

    fn cancel_with(&self, why: Stopped) {
        let worker = self.worker.borrow_mut().take();
        if let Some(w) = worker {
            w.terminate();
        }
        self.end(Err(why));
    }

    fn end(&self, finished: Finished) {
        let finish = self.finish.borrow_mut().take();
        if let Some(finish) = finish {
            finish(finished);
        }
    }
}

/// A worker that could not load or broke down, in the page's language.
fn failure(lang: Lang, detail: &str) -> Stopped {
    Stopped::Failed(Text::ErrWorker.fill(lang, &[&detail]))
}

/// The worker's script: the one-file app's own (`window.plannerWorkerUrl`, made from what it
/// carries inline), else the file beside the page.
fn script_url() -> String {
    js_sys::Reflect::get(&window(), &"plannerWorkerUrl".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "worker-loader.js".to_string())
}

fn spawn() -> Result<web_sys::Worker, String> {
    web_sys::Worker::new(&script_url()).map_err(|e| format!("{e:?}"))
}

/// Sends `job` (with the bytes of a file it reads) to a worker: `progress` hears how far it
/// has got; the future gives its outcome and the bytes of a file it made. While a new worker
/// loads, `loading` is set (the page says 正在加载…); a failure is worded in `lang`.
pub fn run(
    loading: RwSignal<bool>,
    lang: Lang,
    job: &Job,
    bytes: Vec<u8>,
    progress: impl Fn(Progress) + 'static,
) -> (Running, impl std::future::Future<Output = Finished>) {
    let failed = move |detail: String| failure(lang, &detail);
    let slot: Rc<RefCell<Option<Finished>>> = Rc::new(RefCell::new(None));
    let running = Running {
        worker: Rc::new(RefCell::new(None)),
        finish: Rc::new(RefCell::new(None)),
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let slot = slot.clone();
        *running.finish.borrow_mut() = Some(Box::new(move |f: Finished| {
            *slot.borrow_mut() = Some(f);
            let _ = resolve.call0(&JsValue::NULL);
        }));
    });
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &"job".into(),
        &crate::exchange::format::write_request(job).into(),
    );
    let _ = js_sys::Reflect::set(
        &message,
        &"bytes".into(),
        &js_sys::Uint8Array::from(&bytes[..]),
    );
    let idle = IDLE.with(|i| i.borrow_mut().take());
    let fresh = idle.is_none();
    match idle.map_or_else(spawn, Ok) {
        Err(e) => running.end(Err(failed(e))),
        Ok(worker) => {
            *running.worker.borrow_mut() = Some(worker.clone());
            listen(loading, lang, &worker, &running, message.clone(), progress);
            if fresh {
                loading.set(true);
            } else {
                let _ = worker.post_message(&message);
            }
        }
    }
    let future = async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        let finished = slot.borrow_mut().take();
        finished.unwrap_or(Err(Stopped::Cancelled))
    };
    (running, future)
}

/// The worker's messages for this job: `ready` (a new worker has loaded: the job is posted),
/// `progress`, `outcome` (the worker goes back to idle) or `failed`; an error event is a
/// worker that could not load or broke down.
fn listen(
    loading: RwSignal<bool>,
    lang: Lang,
    worker: &web_sys::Worker,
    running: &Running,
    job: js_sys::Object,
    progress: impl Fn(Progress) + 'static,
) {
    let failed = move |detail: String| failure(lang, &detail);
    let field = |data: &JsValue, k: &str| js_sys::Reflect::get(data, &k.into()).unwrap_or_default();
    let on_message = {
        let running = running.clone();
        let worker = worker.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let json = field(&data, "json").as_string().unwrap_or_default();
            match field(&data, "kind").as_string().as_deref() {
                Some("ready") => {
                    loading.set(false);
                    let _ = worker.post_message(&job);
                }
                Some("progress") => {
                    if let Ok(p) = crate::exchange::format::read_reply(&json) {
                        progress(p);
                    }
                }
                Some("outcome") => {
                    let bytes = field(&data, "bytes")
                        .dyn_into::<js_sys::Uint8Array>()
                        .map(|a| a.to_vec())
                        .unwrap_or_default();
                    let outcome = crate::exchange::format::read_reply::<Outcome>(&json)
                        .map_err(|e| failed(e.message(lang)));
                    // Back to idle, unless another worker already waits there.
                    if let Some(w) = running.worker.borrow_mut().take() {
                        IDLE.with(|i| match &mut *i.borrow_mut() {
                            Some(_) => w.terminate(),
                            free => *free = Some(w),
                        });
                    }
                    running.end(outcome.map(|o| (o, bytes)));
                }
                _ => {
                    running.cancel_with(failed(json));
                }
            }
        })
    };
    let on_error = {
        let running = running.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            // Loading failed before `ready`, or the worker broke down during the job. A script
            // that could not be fetched at all fires a plain event, with no message to read.
            loading.set(false);
            e.prevent_default();
            let detail = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| Text::ErrWorkerScript.fill(lang, &[&script_url()]));
            running.cancel_with(failed(detail));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the worker; a few bytes per job.
    on_message.forget();
    on_error.forget();
}

/// The projects of a project-list file (CSV or Excel) read by the worker against `plan`, or
/// the message saying why the file is refused (or why the worker could not read it).
pub async fn read_project_list(
    loading: RwSignal<bool>,
    reading: RwSignal<Option<String>>,
    lang: Lang,
    plan: Plan,
    bytes: &[u8],
    file_name: &str,
) -> Result<Vec<Project>, String> {
    let job = Job::ReadProjectList {
        name: file_name.to_string(),
        view: plan,
        lang,
    };
    match read_file(loading, reading, lang, &job, bytes, file_name).await {
        Ok((Outcome::ProjectList { read }, _)) => read,
        Err(Stopped::Failed(message)) => Err(message),
        Ok(_) | Err(Stopped::Cancelled) => Err(String::new()),
    }
}

/// A plan document read and checked by the worker as an import is: the plan with the fields
/// this version does not know, or the message saying why it is refused (empty: cancelled).
pub async fn read_plan(
    loading: RwSignal<bool>,
    reading: RwSignal<Option<String>>,
    lang: Lang,
    bytes: &[u8],
    file_name: &str,
) -> Result<crate::exchange::format::Imported, String> {
    let job = Job::ReadPlan { lang };
    match read_file(loading, reading, lang, &job, bytes, file_name).await {
        Ok((Outcome::PlanFile { read }, _)) => read.map(|imported| *imported),
        Err(Stopped::Failed(message)) => Err(message),
        Ok(_) | Err(Stopped::Cancelled) => Err(String::new()),
    }
}

/// A county's progress file read by the worker against `doc` (the document's base): what it
/// reports, or the message naming every refused row.
pub async fn read_progress(
    loading: RwSignal<bool>,
    reading: RwSignal<Option<String>>,
    lang: Lang,
    doc: Plan,
    today: crate::calc::readiness::Day,
    bytes: &[u8],
    file_name: &str,
) -> Result<crate::exchange::progress_sheet::ProgressFile, String> {
    let job = Job::ReadProgress { doc, today, lang };
    match read_file(loading, reading, lang, &job, bytes, file_name).await {
        Ok((Outcome::ProgressFile { read }, _)) => read.map(|file| *file),
        Err(Stopped::Failed(message)) => Err(message),
        Ok(_) | Err(Stopped::Cancelled) => Err(String::new()),
    }
}

/// Every English string, from the worker's module (the page's leaves them out of its first
/// visit); `None` when the worker could not give them.
pub async fn english(loading: RwSignal<bool>) -> Option<String> {
    let (_, finished) = run(loading, Lang::Zh, &Job::English, Vec::new(), |_| {});
    match finished.await {
        Ok((Outcome::File { error: None }, bytes)) => String::from_utf8(bytes).ok(),
        _ => None,
    }
}

/// A stock workbook read by the worker: the stock, or the message naming every problem.
pub async fn read_stock(
    loading: RwSignal<bool>,
    reading: RwSignal<Option<String>>,
    lang: Lang,
    bytes: &[u8],
    file_name: &str,
) -> Result<crate::calc::housing::HousingStock, String> {
    let job = Job::ReadStock { lang };
    match read_file(loading, reading, lang, &job, bytes, file_name).await {
        Ok((Outcome::StockFile { read }, _)) => read.map_err(|problems| {
            let listed = crate::exchange::format::summarize(problems.into_iter(), lang);
            Text::NotImported.fill(lang, &[&listed])
        }),
        Err(Stopped::Failed(message)) => Err(message),
        Ok(_) | Err(Stopped::Cancelled) => Err(String::new()),
    }
}

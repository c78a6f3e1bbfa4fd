//! The browser shell's root: the app frame (header and menus, tabs, scenario bar, KPI strip,
//! open page, editor panel) and its wiring. Below it, in the order they may import each other:
//! `shell` (the store and the browser services), `widgets` (pieces of several pages), `pages`.

mod pages;
mod shell;
mod widgets;

use pages::{
    assessment, assessment_paper, assumptions, compare, editor, fund_balance, housing, mixes,
    progress, progress_report, projects, readiness, report, results, risk, team,
};
use shell::{outcomes, reveal, route, state, storage, sync};
use widgets::{findings, kpi_strip, plans, scenarios};

use leptos::mount::mount_to_body;
use leptos::prelude::*;

use crate::calc::simulate::Simulator;
use crate::document::history::History;
use crate::words::i18n::{Lang, Text};
use state::{t, Store, Tab};
use sync::Session;

pub fn mount() {
    // Storage opens first (IndexedDB answers asynchronously): the app starts on the plan it holds.
    // Leptos's executor starts with the app: before it, the browser's own.
    wasm_bindgen_futures::spawn_local(async {
        let opened = storage::BrowserStore::open().await;
        OPENED.with(|o| *o.borrow_mut() = Some(opened));
        mount_to_body(App);
    });
}

thread_local! {
    /// Storage as opened by `mount`, taken once by the app.
    static OPENED: std::cell::RefCell<Option<(storage::BrowserStore, Option<crate::exchange::library::StoreError>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The month 进度 opens on: the latest reported, else January of the plan's first year.
fn latest_month(plan: &crate::document::plan::Plan) -> crate::calc::model::Month {
    plan.projects
        .iter()
        .filter_map(|p| p.progress.months.last().map(|r| r.month))
        .max()
        .unwrap_or(crate::calc::model::Month::january(plan.first_year))
}

/// The worker binary's entry: answers the page's long jobs.
pub fn serve_worker() {
    // The worker's module carries the English strings; the page asks for them (Job::English).
    crate::words::i18n::install_english(Text::english());
    shell::in_worker::serve();
}

#[component]
fn App() -> impl IntoView {
    let (kv, problem) = OPENED
        .with(|o| o.borrow_mut().take())
        .expect("mount opens storage before the app");
    let started = sync::start(kv, problem);
    let plan = RwSignal::new(started.plan);
    let active = RwSignal::new(None::<String>);
    let view = Memo::new(move |_| {
        plan.with(|p| match active.get().and_then(|id| p.scenario(&id)) {
            Some(s) => p.resolve(Some(s)).plan,
            None => p.clone(),
        })
    });
    // An edit re-simulates only the projects it changed (the full simulation is the reference,
    // and a property test holds the two identical).
    let simulator = StoredValue::new(Simulator::new());
    let store = Store {
        plan,
        active,
        view,
        results: Memo::new(move |_| {
            view.with(|p| {
                simulator
                    .try_update_value(|s| s.simulate(&p.assumptions, &p.projects, p.first_year))
                    .unwrap_or_default()
            })
        }),
        // Chinese until the English strings are in (`choose_lang`).
        lang: RwSignal::new(Lang::Zh),
        storage_warning: RwSignal::new(
            (!started.warnings.is_empty()).then(|| started.warnings.join(" ")),
        ),
        selected: RwSignal::new(None),
        fund_balance: RwSignal::new(None),
        progress_report: RwSignal::new(false),
        assessment_paper: RwSignal::new(None),
        tab: RwSignal::new(route::tab_in_url().unwrap_or(Tab::Projects)),
        generation: RwSignal::new(0),
        plans: RwSignal::new(started.plans),
        read_only: RwSignal::new(started.read_only),
        conflict: RwSignal::new(false),
        notice: RwSignal::new(None),
        import_error: RwSignal::new(None),
        pending_import: RwSignal::new(None),
        proposal: RwSignal::new(None),
        risk: RwSignal::new(None),
        risk_ms: RwSignal::new(None),
        worker_loading: RwSignal::new(false),
        reading: RwSignal::new(None),
        progress_month: RwSignal::new(latest_month(&plan.get_untracked())),
        optimizer: outcomes::Optimizer::new(),
        history: StoredValue::new(History::default()),
        history_version: RwSignal::new(0),
        rewound: RwSignal::new(0),
    };
    provide_context(store);
    provide_context(results::ChartMemos::new(store));
    provide_context(findings::FindingGroups::new(store));
    let session = Session::new(store, started.state);
    provide_context(session);
    session.watch();
    prefetch_charts_when_idle();
    route::follow_hash(store.tab);
    follow_lang(store);
    choose_lang(store, storage::load_lang());
    undo_keys(store);

    let tab = store.tab;
    // The editor panel stays open across the tabs that list projects, keeping its draft.
    let editing = Memo::new(move |_| {
        if tab.get().edits_projects() {
            store.selected.get()
        } else {
            None
        }
    });
    // The row the editor belongs to stays in view beside it: opening the panel narrows the list,
    // its rows grow taller as their text wraps, and the clicked row may fall below the window.
    Effect::new(move |_| {
        if editing.with(Option::is_some) {
            reveal::reveal("main tr.selected".into(), reveal::Place::Nearest);
        }
    });
    // The demo opens as a plan of its own: nothing the planner made is replaced.
    let load_demo = move |_| session.add_and_open(crate::document::demo::demo_plan());
    let toggle_lang = move |_| {
        let other = if store.lang.get_untracked() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        };
        choose_lang(store, other)
    };

    view! {
        <div class="app" class:editing=move || editing.with(Option::is_some)
            class:under-paper=move || store.paper_open() prop:inert=move || store.paper_open()>
            <header class="app-header">
                <div class="brand">
                    <h1>{move || t(Text::AppTitle)}</h1>
                    <span class="subtitle">{move || t(Text::AppSubtitle)}</span>
                </div>
                <div class="plan-name" data-testid="plan-name" title=move || plan.with(|p| p.name.clone())>{move || plan.with(|p| p.name.clone())}</div>
                <div class="actions">
                    <plans::PlanMenus />
                    <span class="sep"></span>
                    <StepButton forward=false />
                    <StepButton forward=true />
                    <button type="button" data-testid="load-demo" on:click=load_demo>
                        {move || t(Text::LoadDemo)}
                    </button>
                    <button type="button" data-testid="lang-toggle" on:click=toggle_lang>
                        {move || t(Text::LangToggle)}
                    </button>
                </div>
            </header>
            <plans::PlanBanners />
            <Show when=move || store.storage_warning.with(Option::is_some)>
                <div class="banner warning" role="alert" data-testid="storage-warning">
                    {move || store.storage_warning.get().unwrap_or_default()}
                </div>
            </Show>
            <Tabs tab=tab />
            // The editor sits beside the work where there is room for both (kept in view as the
            // page scrolls), and over it as a drawer where there is not (style/main.css).
            <div class="workspace">
                <div class="work">
                    <scenarios::ScenarioBar />
                    <kpi_strip::KpiStrip />
                    <main
                        on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                        on:drop=move |ev: leptos::ev::DragEvent| plans::on_drop(session, ev)
                    >
                        {move || {
                            store.generation.track();
                            store.rewound.track();
                            match tab.get() {
                                Tab::Projects => view! { <projects::ProjectList /> }.into_any(),
                                Tab::Resettlement => view! { <mixes::ResettlementPage /> }.into_any(),
                                Tab::Housing => view! { <housing::HousingPage /> }.into_any(),
                                Tab::Financing => view! { <mixes::FinancingPage /> }.into_any(),
                                Tab::Results => view! { <results::ResultsPage /> }.into_any(),
                                Tab::Assumptions => view! { <assumptions::AssumptionsPage /> }.into_any(),
                                Tab::Compare => view! { <compare::ComparePage /> }.into_any(),
                                Tab::Risk => view! { <risk::RiskPage /> }.into_any(),
                                Tab::Progress => view! { <progress::ProgressPage /> }.into_any(),
                                Tab::Readiness => view! { <readiness::ReadinessPage /> }.into_any(),
                                Tab::Assessment => view! { <assessment::AssessmentPage /> }.into_any(),
                                Tab::Team => view! { <team::TeamPage /> }.into_any(),
                                Tab::Report => view! { <report::ReportPage /> }.into_any(),
                            }
                        }}
                    </main>
                </div>
                {move || {
                    // After undo/redo the editor starts again from the plan.
                    store.rewound.track();
                    editing.get().map(|id| view! { <editor::ProjectEditor id=id /> })
                }}
            </div>
        </div>
        // What a paper dims: everything but itself.
        {move || store.paper_open().then(|| view! { <div class="backdrop" aria-hidden="true" data-testid="backdrop"></div> })}
        {move || store.fund_balance.get().map(|id| view! { <fund_balance::FundBalancePanel id=id /> })}
        {move || store.progress_report.get().then(|| view! { <progress_report::MonthlyReportPanel /> })}
        {move || store.assessment_paper.get().map(|of| view! { <assessment_paper::AssessmentPaper of=of /> })}
        // Tests wait for this: the wasm module has run and the first render is done.
        <div data-testid="app-ready" hidden=true></div>
    }
}

/// ECharts is fetched once the first rows are on screen and the page is idle (or when a chart
/// comes into view first), so on a slow line it never delays the project list.
fn prefetch_charts_when_idle() {
    request_animation_frame(|| {
        let fetch =
            wasm_bindgen::closure::Closure::once_into_js(widgets::chart_host::request_echarts);
        let idle = js_sys::Reflect::get(&window(), &"requestIdleCallback".into())
            .ok()
            .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
        let _ = match idle {
            // Within two seconds even on a busy page.
            Some(idle) => {
                let opts = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&opts, &"timeout".into(), &2000.into());
                idle.call2(&window(), &fetch, &opts)
            }
            None => window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    wasm_bindgen::JsCast::unchecked_ref(&fetch),
                    300,
                )
                .map(wasm_bindgen::JsValue::from),
        };
    });
}

/// The navigation bar: each section's name over its pages, every page one click away; the hash
/// follows the open page (see `route`). A section's pages stay together when the bar wraps.
#[component]
fn Tabs(tab: RwSignal<Tab>) -> impl IntoView {
    view! {
        <nav class="tabs" aria-label=move || t(Text::NavLabel)>
            {state::Section::ALL
                .into_iter()
                .map(|section| {
                    view! {
                        <div class="tab-group" role="group" aria-label=move || t(section.label())
                            class:current=move || tab.get().section() == section>
                            <span class="tab-group-name" aria-hidden="true">{move || t(section.label())}</span>
                            <div class="tab-row">
                                {section.tabs().map(|tb| view! {
                                    <button
                                        type="button"
                                        data-testid=format!("nav-{}", tb.id())
                                        aria-current=move || (tab.get() == tb).then_some("page")
                                        class:active=move || tab.get() == tb
                                        on:click=move |_| tab.set(tb)
                                    >
                                        {move || t(tb.label())}
                                    </button>
                                }).collect_view()}
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// The language is remembered, and the title and `<html lang>` follow it and the plan's name.
/// Each is set only when it changes: setting `lang` on the root, even to the value it has,
/// restyles the whole document (every `:lang()` match is looked at again), and an effect on the
/// whole plan did so on every figure typed.
fn follow_lang(store: Store) {
    Effect::new(move |was: Option<Lang>| {
        let lang = store.lang.get();
        // Not on opening: the page starts in Chinese while the remembered English loads.
        if was.is_some_and(|was| was != lang) {
            storage::save_lang(lang);
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
        }
        lang
    });
    let name = Memo::new(move |_| store.plan.with(|p| p.name.clone()));
    Effect::new(move |_| {
        let title = format!("{} · {}", Text::AppTitle.tr(store.lang.get()), name.get());
        document().set_title(&title);
    });
}

/// Shows the page in `lang`. English comes from the worker's module the first time (the page's
/// leaves its strings out of the first visit): the page stays in Chinese, saying 正在加载…,
/// until they are in, and says so if they cannot be had.
fn choose_lang(store: Store, lang: Lang) {
    if lang == Lang::Zh || crate::words::i18n::english_ready() {
        return store.lang.set(lang);
    }
    if store.worker_loading.get_untracked() {
        return;
    }
    leptos::task::spawn_local(async move {
        let installed = shell::worker::english(store.worker_loading)
            .await
            .is_some_and(|text| crate::words::i18n::install_english(text.leak()));
        if installed {
            store.lang.set(Lang::En);
        } else {
            store.notice.set(Some(Text::EnglishUnavailable));
        }
    });
}

/// Milliseconds per call of `simulate` over `reps` calls (at least one), timed with the page's
/// own clock; the years it returns are counted so the work is not optimized away.
fn ms_per_simulation(reps: u32, mut simulate: impl FnMut(u32) -> usize) -> f64 {
    let reps = reps.max(1);
    let start = js_sys::Date::now();
    let years: usize = (0..reps).map(&mut simulate).sum();
    let elapsed = js_sys::Date::now() - start;
    assert!(years > 0);
    elapsed / f64::from(reps)
}

/// Browser benchmark hook (called by `scripts/bench-browser.mjs` through trunk's `window.wasmBindings`):
/// simulates a generated plan of `projects` projects `reps` times and returns the milliseconds
/// per simulation.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_simulate(projects: usize, reps: u32) -> f64 {
    let plan = crate::document::demo::generated_plan(projects);
    ms_per_simulation(reps, |_| {
        crate::document::plan::simulate_plan(&plan, None)
            .years
            .len()
    })
}

/// Browser benchmark hook: what an edit costs the simulation in the app, which re-simulates
/// only the edited project: `reps` edits of one project's households in a generated plan of
/// `projects` projects; milliseconds per edit.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_simulate_edit(projects: usize, reps: u32) -> f64 {
    let mut plan = crate::document::demo::generated_plan(projects);
    let mut sim = Simulator::new();
    sim.simulate(&plan.assumptions, &plan.projects, plan.first_year);
    ms_per_simulation(reps, |i| {
        plan.projects[0].households = 100 + i % 2;
        sim.simulate(&plan.assumptions, &plan.projects, plan.first_year)
            .years
            .len()
    })
}

/// Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo, outside text fields: inside one the browser's
/// own undo of the typing wins.
fn undo_keys(store: Store) {
    let keys = window_event_listener(leptos::ev::keydown, move |e: web_sys::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) {
            return;
        }
        let in_field = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        let forward = match e.key().to_lowercase().as_str() {
            "z" => e.shift_key(),
            "y" => true,
            _ => return,
        };
        e.prevent_default();
        store.step(forward);
    });
    on_cleanup(move || keys.remove());
}

/// 撤销 (or 重做) with what it would do as its tooltip.
#[component]
fn StepButton(forward: bool) -> impl IntoView {
    let store = expect_context::<Store>();
    let (testid, label, mark) = if forward {
        ("redo", Text::RedoLabel, "↷ ")
    } else {
        ("undo", Text::UndoLabel, "↶ ")
    };
    view! {
        <button
            type="button"
            data-testid=testid
            title=move || store.step_title(forward)
            aria-label=move || store.step_title(forward)
            disabled=move || !store.can_step(forward)
            on:click=move |_| store.step(forward)
        >
            {mark} {move || t(label)}
        </button>
    }
}

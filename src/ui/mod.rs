//! The Leptos shell: one reactive plan store, the navigation, and the pages that draw the core's results.

mod assumptions;
mod chart_host;
mod compare;
mod editor;
mod fields;
mod files;
mod mixes;
mod plans;
mod projects;
mod results;
mod session;
mod storage;

use leptos::mount::mount_to_body;
use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::model::Plan;
use crate::simulate::{simulate_plan, Results};

/// The app's state, shared through context: the plan being edited and what the core makes of it.
#[derive(Clone, Copy)]
pub struct Store {
    pub plan: RwSignal<Plan>,
    pub results: Memo<Results>,
    pub lang: RwSignal<Lang>,
    /// A storage problem the planner must know about (Chinese message), if any.
    pub storage_warning: RwSignal<Option<String>>,
    /// The project open in the editor.
    pub selected: RwSignal<Option<crate::model::ProjectId>>,
    pub tab: RwSignal<Tab>,
    /// Bumped when the whole plan is replaced, so drafts of the old plan are dropped.
    pub generation: RwSignal<u32>,
    /// The stored plans (id, name).
    pub plans: RwSignal<Vec<crate::library::PlanMeta>>,
    /// The open plan is from a newer version: never saved.
    pub read_only: RwSignal<bool>,
    /// Another tab saved this plan while this tab had unsaved edits: autosave paused.
    pub conflict: RwSignal<bool>,
    pub notice: RwSignal<Option<Text>>,
    pub import_error: RwSignal<Option<String>>,
    /// An imported plan whose id exists, waiting for replace / keep both.
    pub pending_import: RwSignal<Option<Plan>>,
}

impl Store {
    /// Replaces the whole plan (demo, import): closes editors and their drafts first.
    pub fn replace_plan(&self, plan: Plan) {
        self.selected.set(None);
        self.plan.set(plan);
        self.generation.update(|g| *g += 1);
    }
}

/// The current UI language (reactive when called in a closure).
pub fn lang() -> Lang {
    expect_context::<Store>().lang.get()
}

/// The catalogue string for `key` in the current language (reactive when called in a closure).
pub fn t(key: Text) -> &'static str {
    let store = expect_context::<Store>();
    key.tr(store.lang.get())
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Projects,
    Resettlement,
    Financing,
    Results,
    Compare,
    Assumptions,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Projects,
        Tab::Resettlement,
        Tab::Financing,
        Tab::Results,
        Tab::Compare,
        Tab::Assumptions,
    ];
    fn label(self) -> Text {
        match self {
            Tab::Projects => Text::NavProjects,
            Tab::Resettlement => Text::NavResettlement,
            Tab::Financing => Text::NavFinancing,
            Tab::Results => Text::NavResults,
            Tab::Compare => Text::NavCompare,
            Tab::Assumptions => Text::NavAssumptions,
        }
    }
    fn id(self) -> &'static str {
        match self {
            Tab::Projects => "projects",
            Tab::Resettlement => "resettlement",
            Tab::Financing => "financing",
            Tab::Results => "results",
            Tab::Compare => "compare",
            Tab::Assumptions => "assumptions",
        }
    }
}

pub fn mount() {
    mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let started = session::start();
    let plan = RwSignal::new(started.plan);
    let store = Store {
        plan,
        results: Memo::new(move |_| plan.with(|p| simulate_plan(p, None))),
        lang: RwSignal::new(storage::load_lang()),
        storage_warning: RwSignal::new(
            (!started.warnings.is_empty()).then(|| started.warnings.join(" ")),
        ),
        selected: RwSignal::new(None),
        tab: RwSignal::new(Tab::Projects),
        generation: RwSignal::new(0),
        plans: RwSignal::new(started.plans),
        read_only: RwSignal::new(started.read_only),
        conflict: RwSignal::new(false),
        notice: RwSignal::new(None),
        import_error: RwSignal::new(None),
        pending_import: RwSignal::new(None),
    };
    provide_context(store);
    provide_context(results::ChartMemos::new(store));

    // Autosave (debounced) whenever the plan changes; failures become a banner, never a lost plan.
    Effect::new(move |prev: Option<()>| {
        plan.track();
        // The first run is the plan just loaded: nothing to save.
        if prev.is_some() {
            session::schedule_save(store);
        }
    });
    let unload = window_event_listener(leptos::ev::beforeunload, move |_| session::flush(&store));
    let other_tabs = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        session::on_storage_event(store, e.key(), e.new_value())
    });
    on_cleanup(move || {
        unload.remove();
        other_tabs.remove();
    });
    Effect::new(move |_| {
        let lang = store.lang.get();
        storage::save_lang(lang);
        let title = format!(
            "{} · {}",
            Text::AppTitle.tr(lang),
            plan.with(|p| p.name.clone())
        );
        document().set_title(&title);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
        }
    });

    let tab = store.tab;
    // The demo opens as a plan of its own: nothing the planner made is replaced.
    let load_demo = move |_| session::add_and_open(store, crate::demo::demo_plan());
    let toggle_lang = move |_| {
        store
            .lang
            .update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
    };

    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{move || t(Text::AppTitle)}</h1>
                <span class="subtitle">{move || t(Text::AppSubtitle)}</span>
            </div>
            <div class="plan-name" data-testid="plan-name">{move || plan.with(|p| p.name.clone())}</div>
            <div class="actions">
                <button type="button" data-testid="load-demo" on:click=load_demo>
                    {move || t(Text::LoadDemo)}
                </button>
                <button type="button" data-testid="lang-toggle" on:click=toggle_lang>
                    {move || t(Text::LangToggle)}
                </button>
            </div>
        </header>
        <plans::PlanBar />
        <Show when=move || store.storage_warning.with(Option::is_some)>
            <div class="banner warning" role="alert" data-testid="storage-warning">
                {move || store.storage_warning.get().unwrap_or_default()}
            </div>
        </Show>
        <nav class="tabs" role="tablist">
            {Tab::ALL
                .into_iter()
                .map(|tb| {
                    view! {
                        <button
                            type="button"
                            role="tab"
                            data-testid=format!("nav-{}", tb.id())
                            aria-selected=move || (tab.get() == tb).to_string()
                            class:active=move || tab.get() == tb
                            on:click=move |_| tab.set(tb)
                        >
                            {move || t(tb.label())}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
        <main
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| plans::on_drop(store, ev)
        >
            {move || {
                store.generation.track();
                match tab.get() {
                    Tab::Projects => view! { <projects::ProjectList /> }.into_any(),
                    Tab::Resettlement => view! { <mixes::ResettlementPage /> }.into_any(),
                    Tab::Financing => view! { <mixes::FinancingPage /> }.into_any(),
                    Tab::Results => view! { <results::ResultsPage /> }.into_any(),
                    Tab::Assumptions => view! { <assumptions::AssumptionsPage /> }.into_any(),
                    Tab::Compare => view! { <compare::ComparePage /> }.into_any(),
                }
            }}
        </main>
        // Tests wait for this: the wasm module has run and the first render is done.
        <div data-testid="app-ready" hidden=true></div>
    }
}

/// Browser benchmark hook (called by `scripts/bench-browser.mjs` through trunk's `window.wasmBindings`):
/// simulates a generated plan of `projects` projects `reps` times and returns the milliseconds
/// per simulation, timed with the page's own clock.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_simulate(projects: usize, reps: u32) -> f64 {
    let plan = crate::demo::generated_plan(projects);
    let start = js_sys::Date::now();
    let mut years = 0;
    for _ in 0..reps.max(1) {
        years += crate::simulate::simulate_plan(&plan, None).years.len();
    }
    let elapsed = js_sys::Date::now() - start;
    assert!(years > 0);
    elapsed / f64::from(reps.max(1))
}

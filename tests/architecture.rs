//! The layers hold: every module imports only the layers below its own (the directions are
//! written once, in `LAYERS` and `UI_LAYERS`), no code outside `ui` touches the browser, and no
//! two modules import each other, however far round. Read from the source text, as a reviewer
//! reads the `use` lines; test modules (`#[cfg(test)] mod tests`) may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The crate's layers from the bottom up: each may import those before it, never one after.
const LAYERS: &[&str] = &[
    "words", "calc", "document", "analysis", "present", "exchange", "ui",
];

/// Inside `ui`, from the bottom up: the shell's services, the widgets, the pages; the root
/// (`ui/mod.rs`) wires them all.
const UI_LAYERS: &[&str] = &["shell", "widgets", "pages"];

/// The browser's crates: only `ui` (and the binaries that start the page and the worker) may
/// name them.
const WEB_CRATES: &[&str] = &["leptos", "web_sys", "js_sys", "gloo", "wasm_bindgen"];

/// A source file: its module path (`calc::model`, `ui::pages::projects`) and its text without
/// its test module.
struct Module {
    path: String,
    file: PathBuf,
    code: String,
}

fn modules(dir: &Path, prefix: &str, out: &mut Vec<Module>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_stem().unwrap().to_str().unwrap().to_string();
        if p.is_dir() {
            let inner = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}::{name}")
            };
            modules(&p, &inner, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let path = match name.as_str() {
                "mod" => prefix.to_string(),
                _ if prefix.is_empty() => name,
                _ => format!("{prefix}::{name}"),
            };
            let text = fs::read_to_string(&p).unwrap();
            // Test modules close each file (the codebase's layout), so cut there.
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            out.push(Module {
                path,
                file: p,
                code,
            });
        }
    }
}

fn all_modules() -> Vec<Module> {
    let mut out = Vec::new();
    modules(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(),
        "",
        &mut out,
    );
    out
}

/// Every `crate::a::b…` (or `$crate::…`) path in `code`, as its segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        // Segments while each is a whole identifier; the first that is not ends the path.
        let mut segs = Vec::new();
        for piece in rest.split("::") {
            let ident: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let whole = ident.len() == piece.len();
            if !ident.is_empty() {
                segs.push(ident);
            }
            if !whole {
                break;
            }
        }
        out.push(segs);
    }
    out
}

/// Which layer (and, in `ui`, which part of it) a module path belongs to, as ranks.
fn rank(path: &[&str]) -> Option<(usize, Option<usize>)> {
    let layer = LAYERS.iter().position(|l| *l == path[0])?;
    let inner = if path[0] == "ui" {
        path.get(1)
            .and_then(|p| UI_LAYERS.iter().position(|l| l == p))
    } else {
        None
    };
    Some((layer, inner))
}

/// The longest module path known that `segs` starts with.
fn target(segs: &[String], known: &BTreeSet<String>) -> Option<String> {
    (1..=segs.len())
        .rev()
        .map(|n| segs[..n].join("::"))
        .find(|p| known.contains(p))
}

fn import_graph(mods: &[Module]) -> BTreeMap<String, BTreeSet<String>> {
    let known: BTreeSet<String> = mods.iter().map(|m| m.path.clone()).collect();
    let mut graph = BTreeMap::new();
    for m in mods {
        let edges: BTreeSet<String> = crate_paths(&m.code)
            .iter()
            .filter_map(|segs| target(segs, &known))
            .filter(|t| *t != m.path && !m.path.starts_with(&format!("{t}::")))
            .collect();
        graph.insert(m.path.clone(), edges);
    }
    graph
}

/// Whether an import from module `from` to module `to` runs up: to a higher layer, to a higher
/// part of `ui`, or to a layer's root from inside it. lib.rs and main.rs stand above the layers
/// (the crate's public names, the mount): their imports are never up.
fn runs_up(from: &[&str], to: &[&str]) -> bool {
    let (Some((fl, fi)), Some((tl, ti))) = (rank(from), rank(to)) else {
        return false;
    };
    if tl != fl {
        return tl > fl;
    }
    // A layer's root (ui's is the app frame, which wires everything) stands above its parts.
    if to.len() == 1 && from.len() > 1 {
        return true;
    }
    matches!((fi, ti), (Some(a), Some(b)) if b > a)
}

#[test]
fn every_module_imports_only_the_layers_below_its_own() {
    let mods = all_modules();
    let graph = import_graph(&mods);
    let mut wrong = Vec::new();
    for (from, tos) in &graph {
        let from_path: Vec<&str> = from.split("::").collect();
        for to in tos {
            let to_path: Vec<&str> = to.split("::").collect();
            if runs_up(&from_path, &to_path) {
                wrong.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run up the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_path_inside_the_crate_names_its_layer() {
    let mods = all_modules();
    // Exported macros live at the crate root, whatever layer declares them.
    let macros: BTreeSet<String> = mods
        .iter()
        .flat_map(|m| {
            m.code
                .match_indices("macro_rules! ")
                .map(|(i, _)| &m.code[i + 13..])
        })
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect();
    let mut wrong = Vec::new();
    for m in mods
        .iter()
        .filter(|m| rank(&[m.path.split("::").next().unwrap()]).is_some())
    {
        for segs in crate_paths(&m.code) {
            let first = segs.first().map_or("", String::as_str);
            if !LAYERS.contains(&first) && !macros.contains(first) {
                wrong.push(format!("{}: crate::{}", m.path, segs.join("::")));
            }
        }
    }
    // The flat names (planner::model) are the crate's public face; inside, a path says its layer.
    assert!(
        wrong.is_empty(),
        "paths without their layer:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_code_outside_ui_touches_the_browser() {
    let mut wrong = Vec::new();
    for m in all_modules() {
        if m.path.starts_with("ui") || m.path == "main" || m.path == "bin::worker" {
            continue;
        }
        for c in WEB_CRATES {
            let named = m.code.lines().any(|l| {
                let l = l.trim_start();
                !l.starts_with("//")
                    && (l.contains(&format!("{c}::")) || l.starts_with(&format!("use {c}")))
            });
            if named {
                wrong.push(format!("{} names {c}", m.file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_two_modules_import_each_other_however_far_round() {
    let graph = import_graph(&all_modules());
    // Tarjan's strongly connected components: a component of more than one module is a circle.
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        circles: Vec<Vec<&'g str>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        for w in &s.graph[v] {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.stack.contains(&w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                comp.push(w);
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                s.circles.push(comp);
            }
        }
    }
    let mut s = State {
        graph: &graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        circles: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    assert!(s.circles.is_empty(), "import circles: {:?}", s.circles);
}

#[test]
fn the_check_sees_an_import_that_runs_up() {
    // The reader itself: a calc module naming the document and the words, in a `use` and inline.
    let code = "use crate::document::plan::Plan;\nfn f() { crate::words::i18n::fmt_pct(0.1); }";
    let paths = crate_paths(code);
    assert_eq!(paths[0], ["document", "plan", "Plan"]);
    assert_eq!(paths[1], ["words", "i18n", "fmt_pct"]);
    assert!(rank(&["document", "plan"]).unwrap().0 > rank(&["calc", "model"]).unwrap().0);
    assert!(runs_up(&["calc", "model"], &["document", "plan"]));
    assert!(!runs_up(&["document", "plan"], &["calc", "model"]));
    assert!(runs_up(
        &["ui", "shell", "state"],
        &["ui", "pages", "results"]
    ));
    assert!(!runs_up(
        &["ui", "pages", "results"],
        &["ui", "widgets", "chart_host"]
    ));
    assert!(runs_up(&["ui", "widgets", "menu"], &["ui"]));
    assert!(!runs_up(&["lib"], &["ui"]));
}

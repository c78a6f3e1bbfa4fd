//! The only code that touches files: downloads (export) and reading a picked or dropped file (import).

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    offer(file_name, mime, &wasm_bindgen::JsValue::from_str(text))
}

/// Offers `bytes` (a workbook) as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    offer(file_name, mime, &js_sys::Uint8Array::from(bytes))
}

fn offer(file_name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a file's bytes; `max` bytes at most (larger files are refused before reading).
pub async fn read_bytes(file: web_sys::File, max: usize) -> Result<Vec<u8>, usize> {
    let size = file.size() as usize;
    if size > max {
        return Err(size);
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| size)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The first file of a drop, if the drop carried one (the browser's own handling is stopped).
pub fn dropped(ev: &web_sys::DragEvent) -> Option<web_sys::File> {
    ev.prevent_default();
    ev.data_transfer()?.files()?.get(0)
}

/// Today as YYYYMMDD (local time), for export file names.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

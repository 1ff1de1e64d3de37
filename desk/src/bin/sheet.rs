//! The agreement sheet page's entry point (sheet.html): read the sheet from the address, pick
//! the language, mount.

#[cfg(target_arch = "wasm32")]
fn main() {
    use client_fit::platform::{address, crash, dom, fetch};
    use client_fit_core::english_bank;
    use client_fit_desk::platform::catalog;
    use client_fit_desk::platform::page::mount;
    use client_fit_desk::sheet::open;
    use client_fit_desk::sheet_app::{SheetApp, SheetAppProps};
    use client_fit_desk::wording::english;

    let sheet = open(
        english_bank(),
        &address::current_fragment().unwrap_or_default(),
    );
    let page = address::current_href()
        .map(|href| href.split('#').next().unwrap_or_default().to_owned().into());

    let wanted = catalog::wanted();
    fetch::spawn(async move {
        let pack = catalog::language(wanted)
            .await
            .unwrap_or_else(|_| english());
        dom::set_document_lang(pack.lang);
        mount::<SheetApp>(SheetAppProps { sheet, pack, page });
        crash::install();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The agreement sheet runs in the browser: `make serve`, then make one on the desk");
}

// SAFETY: this wasm32 build has no threads, which is what AssumeSingleThreaded requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

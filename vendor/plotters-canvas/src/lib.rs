/*!
   The Plotters HTML5 Canvas backend.

   This backend allows Plotters operates the HTML5 Canvas when targeted to Webassembly.

   See the documentation for [CanvasBackend](struct.CanvasBackend.html) for more details.
*/
// careto-viz: web-sys deprecated `set_fill_style` and friends after this
// release; a registry crate's warnings are not shown, a path crate's are.
#![allow(deprecated)]
mod canvas;

pub use canvas::CanvasBackend;

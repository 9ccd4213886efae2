//! Scales: mappings from data to pixels or colours, each with its inverse
//! where one exists (map for drawing, invert for hover).

mod classes;
mod linear;

pub use classes::{ColorClass, ColorScale};
pub use linear::LinearScale;

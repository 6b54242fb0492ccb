use crate::a::{b, c};
mod d;
r#"raw"#; /* /* nested */ */

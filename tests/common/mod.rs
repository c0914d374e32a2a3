//! Helpers shared by several integration tests (each test file that needs them says `mod common;`).

pub mod fluent;

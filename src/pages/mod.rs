//! One component per screen: start, question, result, comparison. Each takes narrow values and
//! callbacks as props and reads the language from context.

pub mod compare;
pub mod question;
pub mod result;
pub mod start;

pub use result::ResultPage;
pub use start::QuizStatus;

//! The page's entry point into the engine (arrives with the web app).

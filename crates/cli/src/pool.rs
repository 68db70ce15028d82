//! The worker threads: one rayon pool sized by `--threads`. The engine is
//! called inside [`rayon::ThreadPool::install`], so its own parallel code (if
//! any) runs on the same threads; a batch gives each scenario whole to one
//! thread, so no number depends on the thread count.

/// The number of threads: `threads`, or every core the system reports (at least 1).
pub fn thread_count(threads: Option<usize>) -> usize {
    threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// A pool of [`thread_count`]`(threads)` threads, or why it cannot be started.
pub fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool, String> {
    let n = thread_count(threads);
    rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| format!("--threads={n}: {e}"))
}

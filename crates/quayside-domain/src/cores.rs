//! Work spread over the machine's cores, in order. Taking in a batch of events is mostly ed25519
//! checks (about 30 µs each), which need nothing from each other.

/// `f` over every item, results in the items' order, on as many threads as there are cores (one
/// for batches under 128 items, where starting threads costs more than it saves).
pub fn map_on_all_cores<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(items.len() / 64).max(1);
    if threads == 1 {
        return items.into_iter().map(f).collect();
    }
    let per_thread = items.len().div_ceil(threads);
    let mut chunks: Vec<Vec<T>> = Vec::with_capacity(threads);
    let mut items = items.into_iter();
    loop {
        let chunk: Vec<T> = items.by_ref().take(per_thread).collect();
        if chunk.is_empty() {
            break;
        }
        chunks.push(chunk);
    }
    let f = &f;
    std::thread::scope(|scope| {
        let running: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<R>>()))
            .collect();
        running
            .into_iter()
            .flat_map(|thread| thread.join().expect("a worker thread panicked"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order_whatever_the_size() {
        for n in [0, 1, 63, 64, 127, 128, 129, 1000, 1001] {
            let items: Vec<usize> = (0..n).collect();
            let doubled = map_on_all_cores(items, |i| (i, std::thread::current().id()));
            assert_eq!(
                doubled.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
                (0..n).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn a_large_batch_runs_on_more_than_one_thread_when_there_are_cores() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads: std::collections::HashSet<_> =
            map_on_all_cores((0..1000).collect(), |_: i32| std::thread::current().id())
                .into_iter()
                .collect();
        assert_eq!(threads.len(), cores.min(1000 / 64));
    }
}

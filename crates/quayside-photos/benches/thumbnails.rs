//! Thumbnails of camera-sized JPEGs: `Vault::thumbnail` against `vipsthumbnail` (Debian's
//! libvips-tools: libjpeg-turbo with shrink-on-load) on the same files, in the same run.
//!
//!     cargo bench -p quayside-photos
//!
//! QUAYSIDE_BENCH_N sets the number of photos (default 24). Wall time and CPU time (all threads,
//! and for vips its child process) are printed, each the median of 3 rounds with a fresh cache.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use quayside_photos::Vault;
use quayside_testkit::fixtures::{camera_jpeg, ExifSpec};

const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;
const SIDE: u32 = 256;
const ROUNDS: usize = 3;

fn main() {
    let n: usize = std::env::var("QUAYSIDE_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if std::env::var_os("BENCH_TINY").is_some() {
            2
        } else {
            24
        });
    let root = tempfile::tempdir().unwrap();
    let inputs = root.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();

    println!("Generating {n} JPEGs of {WIDTH}x{HEIGHT}, quality 90, with EXIF (every other one orientation 6) ...");
    let t = Instant::now();
    let files = generate(&inputs, n);
    let total_bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    println!(
        "  {:.1} s, {:.1} MB each on average",
        t.elapsed().as_secs_f64(),
        total_bytes as f64 / n as f64 / 1e6
    );

    let data = root.path().join("data");
    let vault = Vault::open(&data, quayside_testkit::fixtures::file_key()).unwrap();
    let t = Instant::now();
    let shas: Vec<String> = files
        .iter()
        .map(|f| vault.import_file(f).unwrap().sha256)
        .collect();
    let import = t.elapsed();
    println!(
        "Import (validate by a 1/8 decode, hash, write + fsync + rename, cache the 256 thumbnail):\n  {:.1} ms per photo\n",
        ms(import) / n as f64
    );

    let thumbs = data.join("thumbs");
    let ours = |threads: usize| {
        // Fresh cache: thumbnails may be deleted at any time, and import made the 256 ones.
        let _ = std::fs::remove_dir_all(&thumbs);
        measure(|| {
            std::thread::scope(|s| {
                for part in shas.chunks(shas.len().div_ceil(threads)) {
                    let vault = &vault;
                    s.spawn(move || {
                        for sha in part {
                            vault.thumbnail(sha, SIDE).unwrap().unwrap();
                        }
                    });
                }
            });
        })
    };

    let vips_version = Command::new("vipsthumbnail")
        .arg("--vips-version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let out = root.path().join("vips");
    let vips = |concurrency: Option<u32>| {
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).unwrap();
        let mut cmd = Command::new("vipsthumbnail");
        cmd.arg("--size").arg(SIDE.to_string());
        cmd.arg("-o").arg(format!("{}/%s.jpg[Q=80]", out.display()));
        if let Some(c) = concurrency {
            cmd.arg(format!("--vips-concurrency={c}"));
        }
        cmd.args(&files);
        let m = measure_child(|| {
            let status = cmd.status().unwrap();
            assert!(status.success(), "vipsthumbnail failed");
        });
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), files.len());
        m
    };

    // Rounds interleave the contenders, so load from elsewhere on the machine hits them alike.
    let mut runs: [Vec<Measure>; 4] = Default::default();
    for _ in 0..ROUNDS {
        runs[0].push(ours(1));
        runs[1].push(ours(2));
        if vips_version.is_some() {
            runs[2].push(vips(None));
            runs[3].push(vips(Some(1)));
        }
    }
    check_ours(&vault, &shas);
    let [ours_1, ours_2, vips_default, vips_1] = runs.map(median);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    println!("{n} photos, {WIDTH}x{HEIGHT} -> longest side {SIDE}, JPEG Q80 out, median of {ROUNDS} interleaved rounds:");
    println!(
        "{:<60} {:>8} {:>9} {:>8}",
        "", "wall ms", "ms/photo", "CPU ms"
    );
    let row = |label: &str, m: Option<Measure>| {
        if let Some(m) = m {
            println!(
                "{:<60} {:>8.0} {:>9.1} {:>8}",
                label,
                ms(m.wall),
                ms(m.wall) / n as f64,
                m.cpu.map_or("-".to_string(), |c| format!("{:.0}", ms(c)))
            );
        }
    };
    row(
        "quayside-photos, 1 calling thread (+ IDCT helpers*)",
        ours_1,
    );
    row(
        "quayside-photos, 2 calling threads (+ IDCT helpers*)",
        ours_2,
    );
    let Some(vips_version) = vips_version else {
        println!(
            "\nvipsthumbnail not found: install Debian's libvips-tools \
             (apt-get install -y libvips-tools) to compare."
        );
        return;
    };
    check_vips(&out);
    row(
        &format!("vipsthumbnail, default concurrency (= {cores} cores here)"),
        vips_default,
    );
    row("vipsthumbnail --vips-concurrency=1", vips_1);
    println!(
        "\n* jpeg-decoder hands each colour component's IDCT to a helper thread (trivial at 1/8\n  \
         scale), so the Huffman decoding, which is nearly all the work, runs on the calling thread.\n  \
         CPU ms counts every thread. vips: {vips_version}, one process for all files (start-up\n  \
         included), libjpeg shrink-on-load; its CPU ms is the child's."
    );
    let (o1, o2, vd, v1) = (
        ours_1.unwrap(),
        ours_2.unwrap(),
        vips_default.unwrap(),
        vips_1.unwrap(),
    );
    println!("\nRatio ours / vips, wall time (below 1: we are faster):");
    println!("  ours 1 thread  / vips default  : {:.2}", ratio(o1, vd));
    println!("  ours 1 thread  / vips 1 thread : {:.2}", ratio(o1, v1));
    println!("  ours 2 threads / vips default  : {:.2}", ratio(o2, vd));
    if let (Some(a), Some(b)) = (o1.cpu, vd.cpu) {
        println!(
            "  CPU time, ours 1 thread / vips default: {:.2}",
            a.as_secs_f64() / b.as_secs_f64()
        );
    }
    let per_photo = |m: Measure| ms(m.wall) / n as f64;
    figure("quayside, 1 thread", per_photo(o1), "ms/photo");
    figure("quayside, 2 threads", per_photo(o2), "ms/photo");
    figure("vipsthumbnail, default", per_photo(vd), "ms/photo");
    figure("vipsthumbnail, 1 thread", per_photo(v1), "ms/photo");
    figure(
        "vips default / quayside 2 threads",
        1.0 / ratio(o2, vd),
        "x",
    );
    figure(
        "vips 1 thread / quayside 1 thread",
        1.0 / ratio(o1, v1),
        "x",
    );
}

/// A `BENCH {json}` line for `bench/run`.
fn figure(name: &str, value: f64, unit: &str) {
    let line =
        serde_json::json!({ "group": "thumbnails", "name": name, "value": value, "unit": unit });
    println!("BENCH {line}");
}

fn generate(dir: &Path, n: usize) -> Vec<PathBuf> {
    let files: Vec<PathBuf> = (0..n)
        .map(|i| dir.join(format!("IMG_{:04}.jpg", i + 1)))
        .collect();
    std::thread::scope(|s| {
        for (t, chunk) in files.chunks(n.div_ceil(2).max(1)).enumerate() {
            s.spawn(move || {
                for (j, path) in chunk.iter().enumerate() {
                    let i = t * n.div_ceil(2) + j;
                    let spec = ExifSpec {
                        orientation: Some(if i.is_multiple_of(2) { 1 } else { 6 }),
                        ..ExifSpec::santos()
                    };
                    std::fs::write(path, camera_jpeg(WIDTH, HEIGHT, 90, &spec, i as u64 + 1))
                        .unwrap();
                }
            });
        }
    });
    files
}

/// Same work for both: upright thumbnails, longest side 256.
fn check_ours(vault: &Vault, shas: &[String]) {
    for (i, sha) in shas.iter().enumerate() {
        let t = vault.thumbnail(sha, SIDE).unwrap().unwrap();
        let img = image::load_from_memory(&t).unwrap();
        let want = if i.is_multiple_of(2) {
            (256, 192)
        } else {
            (192, 256)
        };
        assert_eq!((img.width(), img.height()), want);
    }
}

fn check_vips(out: &Path) {
    for entry in std::fs::read_dir(out).unwrap() {
        let img = image::open(entry.unwrap().path()).unwrap();
        assert_eq!(img.width().max(img.height()), SIDE);
    }
}

#[derive(Clone, Copy)]
struct Measure {
    wall: Duration,
    cpu: Option<Duration>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(a: Measure, b: Measure) -> f64 {
    a.wall.as_secs_f64() / b.wall.as_secs_f64()
}

fn median(mut all: Vec<Measure>) -> Option<Measure> {
    all.sort_by_key(|m| m.wall);
    all.get(all.len() / 2).copied()
}

fn measure(f: impl FnOnce()) -> Measure {
    let cpu0 = cpu_times();
    let t = Instant::now();
    f();
    let wall = t.elapsed();
    let cpu = cpu_times().zip(cpu0).map(|(b, a)| b.0 - a.0);
    Measure { wall, cpu }
}

fn measure_child(f: impl FnOnce()) -> Measure {
    let cpu0 = cpu_times();
    let t = Instant::now();
    f();
    let wall = t.elapsed();
    let cpu = cpu_times().zip(cpu0).map(|(b, a)| b.1 - a.1);
    Measure { wall, cpu }
}

/// (this process, its waited-for children) user + system CPU time, from /proc (Linux only).
fn cpu_times() -> Option<(Duration, Duration)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces: the first
    // is field 3 (state), so utime (field 14) is at index 11. Some fields may be negative.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks = |i: usize| {
        let t: u64 = f.get(i).and_then(|v| v.parse().ok()).unwrap_or(0);
        Duration::from_millis(t * 10) // CLK_TCK is 100 on Linux
    };
    Some((ticks(11) + ticks(12), ticks(13) + ticks(14)))
}

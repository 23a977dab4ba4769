//! `cargo bench -p quayside-export --bench pdf`: the case-file PDF of one case of about 11 pages,
//! written twice: with its names, addresses and descriptions in Latin script, and the same case
//! with them in Chinese, worded in Chinese. Prints each file's size, page count and export time
//! (the median of several exports, fonts already loaded), and the time to read and load the
//! fonts, which the app does once per export.
//!
//! `BENCH_TINY=1` exports each once (the test suite's check that this still works). Prints a
//! table, and `BENCH {json}` lines for `bench/run`.

use std::time::{Duration, Instant};

use quayside_domain::event::{Author, Role};
use quayside_domain::fields::{Field, Section};
use quayside_export::{case_file_pdf, CaseDocument, PdfFonts, FONT_FILES};
use quayside_i18n::{Catalogue, Locale};
use quayside_testkit::case_file::Recorder;
use quayside_testkit::fonts::dir;

/// What differs between the two cases: every name, address and description.
struct Words {
    script: &'static str,
    /// The language the case file is worded in: its exporter's.
    language: Locale,
    inspector: &'static str,
    notes: &'static str,
    /// (role, name, address) of each party.
    parties: [(&'static str, &'static str, &'static str); 6],
    /// Descriptions of goods found, used in turn.
    goods: [&'static str; 4],
    concealment: &'static str,
}

const LATIN: Words = Words {
    script: "Latin",
    language: Locale::En,
    inspector: "Maria Fernanda López",
    notes: "Inspection started after a risk profile hit on the declared origin and weight. The \
            container was moved to the scanning facility, scanned, and opened in the presence of \
            the driver and the customs broker.",
    parties: [
        ("shipper", "Shenzhen Huaxin Trading Co., Ltd.", "1001 Shennan Avenue, Futian District, Shenzhen, Guangdong"),
        ("consignee", "Laem Chabang Logistics Co., Ltd.", "99 Sukhumvit Road, Si Racha, Chon Buri 20230"),
        ("declarant", "Pacific Customs Brokers S.A. de C.V.", "Av. Teniente Azueta 1, Manzanillo, Colima"),
        ("carrier", "Ocean Star Shipping Company", "88 Century Avenue, Pudong, Shanghai"),
        ("driver", "Wang Wei", "Building 3, Nanshan Road, Shenzhen"),
        ("other", "Guangzhou Metals Import and Export Company", "12 Huangpu Avenue, Tianhe District, Guangzhou"),
    ],
    goods: [
        "Grey metallic powder in forty sealed drums of sixty kilograms each, hidden behind the first two rows of tile pallets; drum labels read ceramic glaze",
        "Glazed ceramic floor tiles as declared, sixty by sixty centimetres, on twenty pallets wrapped in plastic film",
        "Black granular material in woven bags inside cartons marked as abrasive grit, found under the tiles of the last pallet row",
        "Small ingots of silvery metal wrapped in newspaper and packed in wooden crates labelled as spare machine parts",
    ],
    concealment: "Drums stacked behind the first two rows of pallets, at the front of the container, on the floor",
};

const CHINESE: Words = Words {
    script: "Chinese",
    language: Locale::ZhCn,
    inspector: "李晓明",
    notes: "因申报原产地和重量触发风险预警而开始查验。集装箱被移至扫描场地，经扫描后在司机和报关员在场的情况下开箱。",
    parties: [
        ("shipper", "深圳华鑫贸易有限公司", "广东省深圳市福田区深南大道1001号"),
        ("consignee", "林查班物流有限公司", "春武里府是拉差县素坤逸路99号 20230"),
        ("declarant", "太平洋报关有限公司", "科利马州曼萨尼约市阿苏埃塔大道1号"),
        ("carrier", "海星航运公司", "上海市浦东新区世纪大道88号"),
        ("driver", "王伟", "深圳市南山路3号楼"),
        ("other", "广州五金进出口公司", "广州市天河区黄埔大道12号"),
    ],
    goods: [
        "灰色金属粉末，装在四十个各重六十公斤的密封桶中，藏在前两排瓷砖托盘后面；桶上标签写着陶瓷釉料",
        "与申报相符的釉面陶瓷地砖，六十乘六十厘米，共二十个托盘，以塑料薄膜包裹",
        "黑色颗粒物，装在标为研磨砂的纸箱内的编织袋中，藏于最后一排托盘的瓷砖下面",
        "用报纸包裹的银色金属小锭，装在标为机器备件的木箱中",
    ],
    concealment: "桶堆放在集装箱前部地面、前两排托盘后面",
};

/// The case: the same fields, items and edits in either script.
fn record(words: &Words) -> Recorder {
    let mut r = Recorder::open_by(Author {
        name: words.inspector.into(),
        role: Role::Inspector,
    });
    r.set(Field::CaseNotes, words.notes);
    r.set(Field::DeclaredDescription, words.goods[1]);
    r.set(Field::DeclaredHsCode, "6907.21");
    r.set(Field::DeclaredWeight, "18500 kg");
    r.set(Field::VesselName, "MSC ANNA");
    r.set(Field::ContainerNumber, "CSQU3054383");
    for (role, name, address) in words.parties {
        r.add(
            Section::Parties,
            &[
                (Field::PartyRole, role),
                (Field::PartyKind, "company"),
                (Field::PartyName, name),
                (Field::PartyAddress, address),
            ],
        );
    }
    for n in 0..19 {
        r.add(
            Section::GoodsFound,
            &[
                (Field::GoodsDescription, words.goods[n % words.goods.len()]),
                (Field::GoodsWeight, "2400 kg"),
            ],
        );
    }
    for _ in 0..8 {
        r.add(
            Section::Concealments,
            &[
                (Field::ConcealmentMethod, "C2"),
                (Field::ConcealmentDescription, words.concealment),
            ],
        );
    }
    r
}

fn document<'a>(r: &'a Recorder, words: &Words) -> CaseDocument<'a> {
    CaseDocument {
        words: Catalogue::get(words.language),
        case: &r.case,
        flags: &[],
        timeline: &r.timeline,
        photos: vec![],
        events: r.events.clone(),
        review: vec![],
        custody: vec![],
        generated_at: "2026-11-28T18:05:00Z".into(),
        generated_by: words.inspector.into(),
    }
}

fn figure(name: &str, value: f64, unit: &str) {
    let line = serde_json::json!({ "group": "pdf", "name": name, "value": value, "unit": unit });
    println!("BENCH {line}");
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The page count of a PDF as krilla writes it: `/Type/Pages/Count N` in the page tree's root.
fn pages(pdf: &[u8]) -> usize {
    let key = b"/Type/Pages/Count ";
    let at = pdf
        .windows(key.len())
        .position(|w| w == key)
        .expect("a page tree")
        + key.len();
    let digits = pdf[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    std::str::from_utf8(&pdf[at..at + digits])
        .unwrap()
        .parse()
        .unwrap()
}

fn main() {
    let rounds = if std::env::var_os("BENCH_TINY").is_some() {
        1
    } else {
        7
    };
    let load = || {
        PdfFonts::load(|name| std::fs::read(dir().join(name))).unwrap_or_else(|e| {
            panic!("{e}: fetch the fonts (source scripts/deps.sh && install_fonts)")
        })
    };
    let loading = median(
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                drop(load());
                t.elapsed()
            })
            .collect(),
    );
    let bytes: u64 = FONT_FILES
        .iter()
        .map(|name| std::fs::metadata(dir().join(name)).unwrap().len())
        .sum();
    let fonts = load();
    println!(
        "Fonts: {} files, {:.1} MB, read and loaded in {:.1} ms",
        FONT_FILES.len(),
        bytes as f64 / 1e6,
        ms(loading)
    );
    figure("fonts read and loaded", ms(loading), "ms");

    println!("Case file of one case ({rounds} exports each):");
    for words in [&LATIN, &CHINESE] {
        let recorder = record(words);
        let doc = document(&recorder, words);
        let mut pdf = Vec::new();
        let time = median(
            (0..rounds)
                .map(|_| {
                    let t = Instant::now();
                    pdf = case_file_pdf(&doc, &fonts).unwrap();
                    t.elapsed()
                })
                .collect(),
        );
        let pages = pages(&pdf);
        println!(
            "  {:8} {pages} pages, {:.1} kB, {:.1} ms",
            words.script,
            pdf.len() as f64 / 1e3,
            ms(time)
        );
        figure(&format!("{} names: export", words.script), ms(time), "ms");
        figure(
            &format!("{} names: size", words.script),
            pdf.len() as f64,
            "B",
        );
        figure(
            &format!("{} names: pages", words.script),
            pages as f64,
            "pages",
        );
    }
}

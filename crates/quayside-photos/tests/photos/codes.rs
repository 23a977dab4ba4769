//! Codes in a camera frame: a seal's Code 128 barcode and a bag label's QR code in one photo are
//! both read; a frame with none reads as none; what is not an image is refused.

use std::io::Cursor;

use image::{DynamicImage, GrayImage, ImageFormat, Luma};
use quayside_photos::{read_codes, Limits, PhotoError};
use rxing::{BarcodeFormat, MultiFormatWriter, Writer};

/// A frame 900 x 500, light gray, with a Code 128 barcode on the left and a QR code on the right.
fn frame(barcode: &str, qr: &str) -> GrayImage {
    let mut frame = GrayImage::from_pixel(900, 500, Luma([225]));
    let bars = MultiFormatWriter
        .encode(barcode, &BarcodeFormat::CODE_128, 360, 120)
        .unwrap();
    for y in 0..bars.getHeight() {
        for x in 0..bars.getWidth() {
            if bars.get(x, y) {
                frame.put_pixel(40 + x, 180 + y, Luma([20]));
            }
        }
    }
    let code = qrcode::QrCode::new(qr.as_bytes()).unwrap();
    let side = code.width();
    let colors = code.to_colors();
    let scale = 8;
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (cx, cy) = ((i % side) as u32, (i / side) as u32);
            for dy in 0..scale {
                for dx in 0..scale {
                    frame.put_pixel(520 + cx * scale + dx, 60 + cy * scale + dy, Luma([20]));
                }
            }
        }
    }
    frame
}

fn jpeg(image: GrayImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageLuma8(image)
        .write_to(&mut out, ImageFormat::Jpeg)
        .unwrap();
    out.into_inner()
}

#[test]
fn a_seals_barcode_and_a_bags_qr_code_are_read_from_one_frame() {
    let label = "QSB1:CNSZX-2026-SQP1FH-0001:S3D4C5B6A:K7";
    let mut texts = read_codes(&jpeg(frame("CN1234567", label)), &Limits::default()).unwrap();
    texts.sort();
    assert_eq!(texts, ["CN1234567", label]);
}

#[test]
fn a_frame_without_a_code_reads_none_and_what_is_not_an_image_is_refused() {
    let blank = GrayImage::from_pixel(320, 240, Luma([128]));
    assert_eq!(
        read_codes(&jpeg(blank), &Limits::default()).unwrap(),
        Vec::<String>::new()
    );
    assert!(matches!(
        read_codes(b"not a frame", &Limits::default()),
        Err(PhotoError::NotAnImage { .. })
    ));
}

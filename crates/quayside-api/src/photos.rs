//! Photos: attaching files to a case (vault first, then the event), captions, exclusion,
//! images for the gallery and viewer, and the vault check.

use std::path::Path;

use base64::Engine;
use quayside_domain::event::Payload;
use quayside_domain::values::parse_text;
use quayside_i18n::Message;
use quayside_photos::{Integrity, PhotoError, Vault};
use quayside_store::PhotoRef;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::args::NoArgs;
use crate::error::{photo_error, ApiError, ErrorCode};
use crate::files::{clean_file_name, read_picked};
use crate::guards::{editable, photo_hash, photo_of, reason_text};
use crate::renditions::PREVIEW_SIDE;
use crate::types::CaseView;
use crate::Api;

const MAX_CAPTION_CHARS: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AttachStatus {
    Attached,
    /// The same bytes are already in this case: nothing recorded.
    AlreadyAttached,
}

/// One file to attach, as the UI sends it: the case and name as arguments, the file's bytes beside
/// them (`Api::dispatch_with_bytes`), raw: a 100 MB photo is neither base64-encoded nor parsed as JSON.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AttachPhotoArgs {
    pub case_id: Uuid,
    /// The name the file had where it was picked; any folder part is dropped.
    pub file_name: String,
    /// Set when the photo was just taken with the camera in the app, not picked from a file.
    #[serde(default)]
    #[ts(optional)]
    pub capture: Option<CaptureArgs>,
}

/// What the camera screen knows of a photo it took; the device and the time are the API's own.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CaptureArgs {
    /// The camera as the platform names it; at most `MAX_CAMERA_CHARS` characters.
    #[serde(default)]
    #[ts(optional)]
    pub camera: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub latitude: Option<f64>,
    #[serde(default)]
    #[ts(optional)]
    pub longitude: Option<f64>,
    /// Its place in a sequence of shots, from 1, at most `MAX_SHOTS`.
    #[serde(default)]
    #[ts(optional)]
    pub shot: Option<u32>,
}

/// Longest camera name kept.
pub const MAX_CAMERA_CHARS: usize = 200;
/// Most shots in one sequence.
pub const MAX_SHOTS: u32 = 999;

/// What happened to one file of an import.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AttachResult {
    pub file_name: String,
    pub sha256: String,
    pub status: AttachStatus,
    /// Worth telling the person, as keyed messages (`notice.import_*`): stored without a
    /// thumbnail and why, named as another format, an altered copy set aside.
    pub notes: Vec<Message>,
}

/// A file the person picked in the system's Open dialog, as the web view sees it: a name to show
/// and a token to attach it by, never its path.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PickedPhoto {
    pub token: String,
    pub file_name: String,
    #[ts(type = "number")]
    pub size: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImageSize {
    Thumbnail,
    Preview,
    /// The original bytes, checked against their hash before they are shown.
    Original,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PhotoImageArgs {
    pub sha256: String,
    pub size: ImageSize,
}

/// An X-ray's gray levels shown through a window: black at `low`, white at `high`. Without both,
/// the window its levels suggest.
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WindowArgs {
    pub sha256: String,
    #[serde(default)]
    #[ts(optional)]
    pub low: Option<u16>,
    #[serde(default)]
    #[ts(optional)]
    pub high: Option<u16>,
}

/// The rendering through a window, the window used, and the one the image's levels suggest (the
/// viewer's "Auto").
#[derive(Debug, Clone, Serialize, TS)]
pub struct WindowedImage {
    pub data_url: String,
    pub low: u16,
    pub high: u16,
    pub auto_low: u16,
    pub auto_high: u16,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PhotoImage {
    /// A `data:image/jpeg;base64,...` URL, or None when this format has no rendition.
    pub data_url: Option<String>,
    /// Why there is no image, as a keyed message (`notice.*`).
    pub note: Option<Message>,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PhotoCaptionArgs {
    pub case_id: Uuid,
    pub sha256: String,
    pub text: String,
}

#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExcludePhotoArgs {
    pub case_id: Uuid,
    pub sha256: String,
    pub reason: String,
}

/// One photo of one case that is not as it was attached.
#[derive(Debug, Clone, Serialize, TS)]
pub struct VaultProblem {
    pub case_id: Uuid,
    pub case_number: String,
    pub file_name: String,
    pub sha256: String,
    /// What is wrong with it, as a keyed message (`notice.photo_*`).
    pub problem: Message,
}

#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct VaultReport {
    pub photos_checked: u32,
    pub problems: Vec<VaultProblem>,
    /// Photos other devices attached whose originals this device has not fetched yet (the next
    /// sync brings them from the server): information, not a failure.
    pub not_fetched: Vec<VaultProblem>,
}

impl Api {
    /// Attach one file to a case. The original is stored in the vault first and the event is
    /// appended after, so a crash in between leaves an unreferenced file, never a missing one.
    pub fn attach_photo(
        &self,
        case_id: Uuid,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<AttachResult, ApiError> {
        self.attach_photo_as(case_id, file_name, bytes, None)
    }

    /// Attach a photo, recording it as taken with the camera here when `capture` is given.
    fn attach_photo_as(
        &self,
        case_id: Uuid,
        file_name: &str,
        bytes: &[u8],
        capture: Option<CaptureArgs>,
    ) -> Result<AttachResult, ApiError> {
        let file_name = clean_file_name(file_name)?;
        let capture = capture.map(|c| self.capture_of(c)).transpose()?;
        let author = self.author()?;
        {
            let store = self.store();
            let (case, _) = store.case(case_id)?;
            editable(&case)?;
        }
        let imported = self
            .vault()
            .import(&file_name, bytes)
            .map_err(|e| photo_error(ErrorCode::InvalidInput, e))?;
        let mut store = self.store();
        let (case, _) = store.case(case_id)?;
        // Checked again under the lock: the case may have been withdrawn while the file was stored.
        editable(&case)?;
        let status = if case.photos.iter().any(|p| p.sha256 == imported.sha256) {
            AttachStatus::AlreadyAttached
        } else {
            store.append(
                &author,
                case_id,
                Payload::PhotoAttached {
                    sha256: imported.sha256.clone(),
                    size: imported.size,
                    media_type: imported.media_type.as_str().to_string(),
                    file_name: file_name.clone(),
                    caption: None,
                    exif: imported.exif,
                    captured: capture,
                },
            )?;
            AttachStatus::Attached
        };
        drop(store);
        self.nudge();
        Ok(AttachResult {
            file_name,
            sha256: imported.sha256,
            status,
            notes: imported.notes,
        })
    }

    /// Attach a file the person picked in the system's Open dialog, read from its path here so its
    /// bytes never pass through the web view. A file over the vault's size limit is refused from
    /// its size alone, before any byte is read; reading stops one byte past the limit in case the
    /// file grows in between.
    pub fn attach_photo_file(&self, case_id: Uuid, path: &Path) -> Result<AttachResult, ApiError> {
        let limit = self.vault().limits().max_bytes;
        let (file_name, bytes) = read_picked(path, limit, |file, size| {
            photo_error(
                ErrorCode::InvalidInput,
                PhotoError::TooLarge { file, size, limit },
            )
        })?;
        self.attach_photo(case_id, &file_name, &bytes)
    }

    /// The `attach_photo` command: [`Api::attach_photo`] with the bytes sent beside the arguments.
    pub(crate) fn attach_sent_photo(
        &self,
        args: AttachPhotoArgs,
        bytes: &[u8],
    ) -> Result<AttachResult, ApiError> {
        self.attach_photo_as(args.case_id, &args.file_name, bytes, args.capture)
    }

    /// An X-ray through a window, at the viewer's size; None when the photo is not 16-bit gray.
    pub(crate) fn photo_windowed(
        &self,
        args: WindowArgs,
    ) -> Result<Option<WindowedImage>, ApiError> {
        let sha256 = photo_hash(&args.sha256)?;
        let window = match (args.low, args.high) {
            (None, None) => None,
            (Some(low), Some(high)) => {
                Some(quayside_photos::Window::new(low, high).ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::InvalidRequest,
                        Message::new("error.bad_arguments")
                            .text("command", "photo_windowed")
                            .text(
                                "detail",
                                "the window's low level must be below its high level",
                            ),
                    )
                })?)
            }
            _ => {
                return Err(ApiError::new(
                    ErrorCode::InvalidRequest,
                    Message::new("error.bad_arguments")
                        .text("command", "photo_windowed")
                        .text("detail", "give both levels of the window, or neither"),
                ))
            }
        };
        let rendered = self
            .vault()
            .windowed(sha256, quayside_photos::MAX_THUMBNAIL_SIDE, window)
            .map_err(|e| photo_error(ErrorCode::NotFound, e))?;
        Ok(rendered.map(|(jpeg, used, auto)| WindowedImage {
            data_url: format!(
                "data:image/jpeg;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(jpeg)
            ),
            low: used.low,
            high: used.high,
            auto_low: auto.low,
            auto_high: auto.high,
        }))
    }

    pub(crate) fn photo_image(&self, args: PhotoImageArgs) -> Result<PhotoImage, ApiError> {
        let sha256 = photo_hash(&args.sha256)?;
        let side = match args.size {
            ImageSize::Thumbnail => quayside_photos::GALLERY_THUMBNAIL_SIDE,
            ImageSize::Preview => PREVIEW_SIDE,
            ImageSize::Original => return self.original_image(sha256),
        };
        let image = self
            .vault()
            .thumbnail(sha256, side)
            .map_err(|e| photo_error(ErrorCode::NotFound, e))?;
        Ok(match image {
            Some(jpeg) => PhotoImage {
                data_url: Some(format!(
                    "data:image/jpeg;base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(jpeg)
                )),
                note: None,
            },
            None => PhotoImage {
                data_url: None,
                note: Some(Message::new("notice.no_preview")),
            },
        })
    }

    /// An original's bytes and media type for the viewer, streamed by the app's `original:`
    /// protocol rather than as a data URL over IPC: behind the same unlock gate as `photo_image`,
    /// read from the vault with its hash checked (an altered original is refused, never shown).
    /// Only what a web view draws as it is: TIFF and HEIC are refused (shown as renderings, or not).
    pub fn original_for_viewer(&self, sha256: &str) -> Result<(Vec<u8>, &'static str), ApiError> {
        self.gate("photo_image")?;
        let sha256 = photo_hash(sha256)?;
        let bytes = self
            .vault()
            .read_original(sha256)
            .map_err(|e| photo_error(ErrorCode::NotFound, e))?;
        match quayside_photos::sniff(&bytes) {
            Some(
                m @ (quayside_photos::MediaType::Jpeg
                | quayside_photos::MediaType::Png
                | quayside_photos::MediaType::Webp),
            ) if !quayside_photos::shown_as_rendering(&bytes) => Ok((bytes, m.as_str())),
            _ => Err(ApiError::new(
                ErrorCode::NotFound,
                Message::new("notice.format_not_shown"),
            )),
        }
    }

    fn original_image(&self, sha256: &str) -> Result<PhotoImage, ApiError> {
        let bytes = self
            .vault()
            .read_original(sha256)
            .map_err(|e| photo_error(ErrorCode::NotFound, e))?;
        if quayside_photos::shown_as_rendering(&bytes) {
            let rendering = self
                .vault()
                .thumbnail(sha256, quayside_photos::MAX_THUMBNAIL_SIDE)
                .map_err(|e| photo_error(ErrorCode::NotFound, e))?;
            return Ok(match rendering {
                Some(jpeg) => PhotoImage {
                    data_url: Some(format!(
                        "data:image/jpeg;base64,{}",
                        base64::engine::general_purpose::STANDARD.encode(jpeg)
                    )),
                    note: Some(Message::new("notice.shown_as_rendering")),
                },
                None => PhotoImage {
                    data_url: None,
                    note: Some(Message::new("notice.no_preview")),
                },
            });
        }
        let media_type = quayside_photos::sniff(&bytes);
        Ok(match media_type {
            Some(m) if m != quayside_photos::MediaType::Heic => PhotoImage {
                data_url: Some(format!(
                    "data:{};base64,{}",
                    m.as_str(),
                    base64::engine::general_purpose::STANDARD.encode(&bytes)
                )),
                note: None,
            },
            _ => PhotoImage {
                data_url: None,
                note: Some(Message::new("notice.format_not_shown")),
            },
        })
    }

    pub(crate) fn set_photo_caption(&self, args: PhotoCaptionArgs) -> Result<CaseView, ApiError> {
        let sha256 = photo_hash(&args.sha256)?.to_string();
        let text = parse_text(&args.text, MAX_CAPTION_CHARS).map_err(ApiError::from)?;
        let caption = (!text.is_empty()).then_some(text);
        self.change_case(args.case_id, |store, case, author| {
            let photo = photo_of(case, &sha256)?;
            if photo.caption != caption {
                store.append(
                    author,
                    args.case_id,
                    Payload::PhotoCaptionSet { sha256, caption },
                )?;
            }
            Ok(())
        })
    }

    pub(crate) fn exclude_photo(&self, args: ExcludePhotoArgs) -> Result<CaseView, ApiError> {
        let sha256 = photo_hash(&args.sha256)?.to_string();
        let reason = reason_text(&args.reason)?;
        self.change_case(args.case_id, |store, case, author| {
            let photo = photo_of(case, &sha256)?;
            if photo.excluded.is_some() {
                return Err(ApiError::new(
                    ErrorCode::Refused,
                    Message::new("error.photo_already_excluded"),
                ));
            }
            store.append(
                author,
                args.case_id,
                Payload::PhotoExcluded { sha256, reason },
            )?;
            Ok(())
        })
    }

    pub(crate) fn check_vault(&self, _: NoArgs) -> Result<VaultReport, ApiError> {
        self.vault_report()
    }

    /// Re-hash every original any case refers to and name each one that is missing or altered.
    pub fn vault_report(&self) -> Result<VaultReport, ApiError> {
        let refs = self.store().photo_refs()?;
        Ok(check_photos(&refs, self.vault()))
    }
}

/// Re-hash the original of each reference and name each one that is not as attached. Shared with
/// `quayside-check`, which opens the folder read-only.
pub fn check_photos(refs: &[PhotoRef], vault: &Vault) -> VaultReport {
    let mut problems = Vec::new();
    let mut not_fetched = Vec::new();
    for photo in refs {
        let problem = match vault.check(&photo.sha256) {
            Integrity::Intact => continue,
            Integrity::Missing if !photo.attached_here => {
                not_fetched.push(VaultProblem {
                    case_id: photo.case_id,
                    case_number: photo.case_number.clone(),
                    file_name: photo.file_name.clone(),
                    sha256: photo.sha256.clone(),
                    problem: Message::new("notice.photo_not_fetched"),
                });
                continue;
            }
            Integrity::Missing => Message::new("notice.photo_missing"),
            Integrity::Unreadable { reason } => {
                Message::new("notice.photo_unreadable").text("detail", reason)
            }
            Integrity::SealBroken => Message::new("notice.photo_seal_broken"),
            Integrity::Altered {
                actual_sha256,
                actual_size,
            } => Message::new("notice.photo_altered")
                .text("actual", actual_sha256)
                .number("size", actual_size as f64)
                .number("attached_size", photo.size as f64),
        };
        problems.push(VaultProblem {
            case_id: photo.case_id,
            case_number: photo.case_number.clone(),
            file_name: photo.file_name.clone(),
            sha256: photo.sha256.clone(),
            problem,
        });
    }
    VaultReport {
        photos_checked: refs.len() as u32,
        problems,
        not_fetched,
    }
}

impl Api {
    /// The signed record of a photo the camera screen took: this device and its clock now, and
    /// what the screen says of the camera, checked.
    fn capture_of(&self, args: CaptureArgs) -> Result<quayside_domain::photo::Capture, ApiError> {
        // The camera screen sends these, not a person: a bad value is the screen's fault.
        let invalid = |detail: &str| {
            ApiError::new(
                ErrorCode::InvalidRequest,
                Message::new("error.bad_arguments")
                    .text("command", "attach_photo")
                    .text("detail", detail),
            )
        };
        let camera = args
            .camera
            .map(|c| c.trim().chars().take(MAX_CAMERA_CHARS).collect::<String>())
            .filter(|c| !c.is_empty());
        let position = match (args.latitude, args.longitude) {
            (Some(lat), Some(lon)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {
                (Some(lat), Some(lon))
            }
            (None, None) => (None, None),
            _ => {
                return Err(invalid(
                    "a position is a latitude of -90 to 90 and a longitude of -180 to 180, both or neither",
                ))
            }
        };
        if args.shot.is_some_and(|n| n == 0 || n > MAX_SHOTS) {
            return Err(invalid("a shot is numbered 1 to 999"));
        }
        let store = self.store();
        Ok(quayside_domain::photo::Capture {
            device: store.device().id.to_string(),
            device_short_id: store.device().short_id.clone(),
            captured_at: store
                .now()
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            camera,
            latitude: position.0,
            longitude: position.1,
            shot: args.shot,
        })
    }
}

/// A camera frame to read codes from (its bytes beside the arguments, as a photo's go).
#[derive(Debug, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ReadCodesArgs {}

/// Largest frame read for codes: a camera's full frame as a JPEG, with room.
const MAX_FRAME_BYTES: usize = 20 * 1024 * 1024;

impl Api {
    /// The barcodes and QR codes in a camera frame, each text once; none found is an empty list.
    pub(crate) fn read_codes(
        &self,
        _: ReadCodesArgs,
        frame: &[u8],
    ) -> Result<Vec<String>, ApiError> {
        if frame.len() > MAX_FRAME_BYTES {
            return Err(ApiError::new(
                ErrorCode::InvalidRequest,
                Message::new("error.bad_arguments")
                    .text("command", "read_codes")
                    .text("detail", "a camera frame is at most 20 MiB"),
            ));
        }
        quayside_photos::read_codes(frame, &self.vault().limits())
            .map_err(|e| photo_error(ErrorCode::InvalidInput, e))
    }
}

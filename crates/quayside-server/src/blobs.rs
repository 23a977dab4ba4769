//! Photo bytes, outside the database: the `BlobStore` trait (an S3-style store can implement it
//! later) and `DirBlobStore`, files in the data folder. Complete originals live in
//! `photos/ab/abcdef…` (named by their SHA-256, read-only); unfinished uploads in `uploads/`, one
//! per device and photo, so no device can add to (or spoil) another's. Every write is fsynced
//! before it is acknowledged; an original moves into place only after its hash is checked. An
//! upload is serialised by a file lock, so it holds across processes too. Uploads without progress
//! for `UPLOAD_EXPIRY` are swept away, and an account's devices together have at most
//! `MAX_IN_PROGRESS_BYTES` in unfinished uploads.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use axum::body::Bytes;
use uuid::Uuid;

/// An unfinished upload that has not grown for this long is removed.
pub const UPLOAD_EXPIRY: Duration = Duration::from_secs(24 * 60 * 60);
/// Bytes of unfinished uploads one account's devices may hold at once (a few photos at the
/// largest): an account cannot fill the server's disk by starting uploads from device after device.
pub const MAX_IN_PROGRESS_BYTES: u64 = 1024 * 1024 * 1024;
use sha2::{Digest, Sha256};
use tokio::io::AsyncRead;

/// What appending a chunk did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Appended {
    /// Written and synced; the upload now holds `received` bytes.
    Written { received: u64 },
    /// The original is complete already; nothing was written.
    Complete,
    /// The chunk does not start where the upload stands.
    OffsetMismatch { received: u64 },
    /// The chunk would run past the expected size.
    PastSize { received: u64 },
    /// The account's unfinished uploads would hold more than `MAX_IN_PROGRESS_BYTES`.
    OverQuota { in_progress: u64 },
}

/// What finishing an upload did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finished {
    Complete,
    /// Not all bytes are there yet.
    Incomplete {
        received: u64,
    },
    /// The bytes hash to `actual`: the upload was discarded.
    HashMismatch {
        actual: String,
    },
}

pub type BlobReader = Pin<Box<dyn AsyncRead + Send>>;

#[async_trait]
pub trait BlobStore: Send + Sync + 'static {
    /// Size of the complete original, if it is held.
    async fn complete_size(&self, sha256: &str) -> io::Result<Option<u64>>;
    /// Bytes held of `uploader`'s unfinished upload (0 when there is none); with no uploader,
    /// of the furthest one.
    async fn received(&self, sha256: &str, uploader: Option<Uuid>) -> io::Result<u64>;
    /// Append `chunk` at `offset` to `uploader`'s upload of `sha256`, durably, if it starts where
    /// that upload stands, ends within `size` and keeps the unfinished uploads of the quota's
    /// devices (the uploader's account's) within its bytes.
    async fn append(
        &self,
        sha256: &str,
        uploader: Uuid,
        quota: Quota,
        offset: u64,
        chunk: Bytes,
        size: u64,
    ) -> io::Result<Appended>;
    /// With `size` bytes of `uploader`'s upload received: check the hash and move the original
    /// into place.
    async fn finish(&self, sha256: &str, uploader: Uuid, size: u64) -> io::Result<Finished>;
    /// Remove unfinished uploads that have not grown since `before`; how many went.
    async fn sweep(&self, before: SystemTime) -> io::Result<usize>;
    /// The complete original from byte `from` on, with its total size.
    async fn read(&self, sha256: &str, from: u64) -> io::Result<Option<(u64, BlobReader)>>;
}

/// Room for unfinished uploads that several devices (an account's) share.
#[derive(Debug, Clone)]
pub struct Quota {
    pub devices: Vec<Uuid>,
    pub bytes: u64,
}

impl Quota {
    /// `MAX_IN_PROGRESS_BYTES` for the uploader alone.
    pub fn of_device() -> Quota {
        Quota {
            devices: Vec::new(),
            bytes: MAX_IN_PROGRESS_BYTES,
        }
    }
}

/// One device's unfinished upload of one photo, as its file says.
struct Partial {
    path: PathBuf,
    sha256: String,
    uploader: Uuid,
    bytes: u64,
    modified: SystemTime,
}

/// Originals and uploads as files under one folder.
pub struct DirBlobStore {
    photos: PathBuf,
    uploads: PathBuf,
}

impl DirBlobStore {
    pub fn open(data_dir: &Path) -> io::Result<DirBlobStore> {
        let store = DirBlobStore {
            photos: data_dir.join("photos"),
            uploads: data_dir.join("uploads"),
        };
        crate::private::create_dir_all(&store.photos)?;
        crate::private::create_dir_all(&store.uploads)?;
        Ok(store)
    }

    fn original(&self, sha256: &str) -> PathBuf {
        self.photos.join(&sha256[..2]).join(sha256)
    }

    fn partial(&self, sha256: &str, uploader: Uuid) -> PathBuf {
        self.uploads.join(format!("{sha256}.{uploader}"))
    }

    fn lock_path(&self, sha256: &str, uploader: Uuid) -> PathBuf {
        self.uploads.join(format!("{sha256}.{uploader}.lock"))
    }

    /// Hold the lock of one device's upload of one photo until the returned file drops.
    fn lock(&self, sha256: &str, uploader: Uuid) -> io::Result<File> {
        let file = crate::private::file_options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock_path(sha256, uploader))?;
        file.lock()?;
        Ok(file)
    }

    /// Unfinished uploads (not lock files).
    fn partials(&self) -> io::Result<Vec<Partial>> {
        let mut found = Vec::new();
        for entry in fs::read_dir(&self.uploads)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some((sha256, uploader)) = name.split_once('.') else {
                continue;
            };
            let Ok(uploader) = uploader.parse::<Uuid>() else {
                continue;
            };
            let meta = match entry.metadata() {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            found.push(Partial {
                path: entry.path(),
                sha256: sha256.to_string(),
                uploader,
                bytes: meta.len(),
                modified: meta.modified()?,
            });
        }
        Ok(found)
    }

    fn size_of(path: &Path) -> io::Result<Option<u64>> {
        match fs::metadata(path) {
            Ok(meta) => Ok(Some(meta.len())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn append_blocking(
        &self,
        sha256: &str,
        uploader: Uuid,
        quota: &Quota,
        offset: u64,
        chunk: &[u8],
        size: u64,
    ) -> io::Result<Appended> {
        // An original in place never changes: seen without the lock, no lock file is left behind.
        if Self::size_of(&self.original(sha256))?.is_some() {
            return Ok(Appended::Complete);
        }
        let _lock = self.lock(sha256, uploader)?;
        if Self::size_of(&self.original(sha256))?.is_some() {
            let _ = fs::remove_file(self.lock_path(sha256, uploader));
            return Ok(Appended::Complete);
        }
        let path = self.partial(sha256, uploader);
        let received = Self::size_of(&path)?.unwrap_or(0);
        if offset != received {
            return Ok(Appended::OffsetMismatch { received });
        }
        if offset + chunk.len() as u64 > size {
            return Ok(Appended::PastSize { received });
        }
        let in_progress: u64 = self
            .partials()?
            .iter()
            .filter(|p| p.uploader == uploader || quota.devices.contains(&p.uploader))
            .map(|p| p.bytes)
            .sum();
        if in_progress + chunk.len() as u64 > quota.bytes {
            return Ok(Appended::OverQuota { in_progress });
        }
        let mut file = crate::private::file_options()
            .create(true)
            .append(true)
            .open(&path)?;
        file.write_all(chunk)?;
        file.sync_data()?;
        if received == 0 {
            sync_dir(&self.uploads)?;
        }
        Ok(Appended::Written {
            received: received + chunk.len() as u64,
        })
    }

    fn finish_blocking(&self, sha256: &str, uploader: Uuid, size: u64) -> io::Result<Finished> {
        let lock = self.lock(sha256, uploader)?;
        let target = self.original(sha256);
        let path = self.partial(sha256, uploader);
        let release = |lock: File| {
            // Waiters find the original in place before they look at the lock's file.
            drop(lock);
            let _ = fs::remove_file(self.lock_path(sha256, uploader));
        };
        if Self::size_of(&target)?.is_some() {
            // Another device's upload of the same photo finished first.
            let _ = fs::remove_file(&path);
            release(lock);
            return Ok(Finished::Complete);
        }
        let received = Self::size_of(&path)?.unwrap_or(0);
        if received != size {
            return Ok(Finished::Incomplete { received });
        }
        let mut file = File::open(&path)?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 256 * 1024];
        loop {
            let n = file.read(&mut buffer)?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
        }
        let actual = hex::encode(hasher.finalize());
        if actual != sha256 {
            fs::remove_file(&path)?;
            release(lock);
            return Ok(Finished::HashMismatch { actual });
        }
        file.sync_all()?;
        let mut permissions = file.metadata()?.permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions)?;
        let dir = target.parent().expect("originals live in a subfolder");
        crate::private::create_dir_all(dir)?;
        fs::rename(&path, &target)?;
        sync_dir(dir)?;
        sync_dir(&self.uploads)?;
        release(lock);
        Ok(Finished::Complete)
    }

    fn sweep_blocking(&self, before: SystemTime) -> io::Result<usize> {
        let mut removed = 0;
        for Partial {
            path,
            sha256,
            uploader,
            modified,
            ..
        } in self.partials()?
        {
            if modified >= before {
                continue;
            }
            // Only an upload no request is writing: its lock is free.
            let Ok(lock) = crate::private::file_options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(self.lock_path(&sha256, uploader))
            else {
                continue;
            };
            if lock.try_lock().is_err() {
                continue;
            }
            match fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
            let _ = fs::remove_file(self.lock_path(&sha256, uploader));
        }
        // Uploads of an older version (named by the hash alone), and lock files whose upload is
        // gone (a finish or an older version left them).
        for entry in fs::read_dir(&self.uploads)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let modified = entry.metadata().and_then(|m| m.modified());
            if quayside_protocol::is_sha256(&name) && modified.is_ok_and(|m| m < before) {
                let _ = fs::remove_file(entry.path());
                removed += 1;
            }
        }
        for entry in fs::read_dir(&self.uploads)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(upload) = name.strip_suffix(".lock") else {
                continue;
            };
            let modified = entry.metadata().and_then(|m| m.modified());
            if !self.uploads.join(upload).exists() && modified.is_ok_and(|m| m < before) {
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(removed)
    }
}

/// Sweep unfinished uploads without progress for `UPLOAD_EXPIRY`: now, then every hour, for as
/// long as the server runs.
pub async fn sweep_forever(blobs: std::sync::Arc<dyn BlobStore>) {
    let mut every = tokio::time::interval(Duration::from_secs(60 * 60));
    loop {
        every.tick().await;
        match blobs.sweep(SystemTime::now() - UPLOAD_EXPIRY).await {
            Ok(0) => {}
            Ok(n) => tracing::info!("removed {n} uploads that made no progress for a day"),
            Err(e) => tracing::warn!("could not sweep old uploads: {e}"),
        }
    }
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Run blocking file work off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> io::Result<T> + Send + 'static,
) -> io::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(io::Error::other)?
}

/// The paths a blocking task needs, without borrowing the store.
fn detached(store: &DirBlobStore) -> DirBlobStore {
    DirBlobStore {
        photos: store.photos.clone(),
        uploads: store.uploads.clone(),
    }
}

#[async_trait]
impl BlobStore for DirBlobStore {
    async fn complete_size(&self, sha256: &str) -> io::Result<Option<u64>> {
        let path = self.original(sha256);
        blocking(move || DirBlobStore::size_of(&path)).await
    }

    async fn received(&self, sha256: &str, uploader: Option<Uuid>) -> io::Result<u64> {
        let (store, sha256) = (detached(self), sha256.to_string());
        blocking(move || match uploader {
            Some(uploader) => {
                Ok(DirBlobStore::size_of(&store.partial(&sha256, uploader))?.unwrap_or(0))
            }
            None => Ok(store
                .partials()?
                .iter()
                .filter(|p| p.sha256 == sha256)
                .map(|p| p.bytes)
                .max()
                .unwrap_or(0)),
        })
        .await
    }

    async fn append(
        &self,
        sha256: &str,
        uploader: Uuid,
        quota: Quota,
        offset: u64,
        chunk: Bytes,
        size: u64,
    ) -> io::Result<Appended> {
        let (store, sha256) = (detached(self), sha256.to_string());
        blocking(move || store.append_blocking(&sha256, uploader, &quota, offset, &chunk, size))
            .await
    }

    async fn finish(&self, sha256: &str, uploader: Uuid, size: u64) -> io::Result<Finished> {
        let (store, sha256) = (detached(self), sha256.to_string());
        blocking(move || store.finish_blocking(&sha256, uploader, size)).await
    }

    async fn sweep(&self, before: SystemTime) -> io::Result<usize> {
        let store = detached(self);
        blocking(move || store.sweep_blocking(before)).await
    }

    async fn read(&self, sha256: &str, from: u64) -> io::Result<Option<(u64, BlobReader)>> {
        let path = self.original(sha256);
        let opened = blocking(move || match File::open(&path) {
            Ok(mut file) => {
                let size = file.metadata()?.len();
                file.seek(SeekFrom::Start(from.min(size)))?;
                Ok(Some((size, file)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        })
        .await?;
        Ok(opened.map(|(size, file)| {
            let reader: BlobReader = Box::pin(tokio::fs::File::from_std(file));
            (size, reader)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(bytes: &[u8]) -> String {
        hex::encode(Sha256::digest(bytes))
    }

    #[tokio::test]
    async fn chunks_append_at_the_held_offset_and_complete_after_the_hash_check() {
        let dir = tempfile::tempdir().unwrap();
        let store = DirBlobStore::open(dir.path()).unwrap();
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
        let hash = sha(&bytes);
        let size = bytes.len() as u64;
        let first = Bytes::copy_from_slice(&bytes[..600]);
        assert_eq!(
            store
                .append(&hash, ANN, Quota::of_device(), 0, first.clone(), size)
                .await
                .unwrap(),
            Appended::Written { received: 600 }
        );
        assert_eq!(
            store
                .append(&hash, ANN, Quota::of_device(), 0, first, size)
                .await
                .unwrap(),
            Appended::OffsetMismatch { received: 600 }
        );
        let too_long = Bytes::from(vec![0u8; 500]);
        assert_eq!(
            store
                .append(&hash, ANN, Quota::of_device(), 600, too_long, size)
                .await
                .unwrap(),
            Appended::PastSize { received: 600 }
        );
        assert_eq!(
            store.finish(&hash, ANN, size).await.unwrap(),
            Finished::Incomplete { received: 600 }
        );
        let rest = Bytes::copy_from_slice(&bytes[600..]);
        store
            .append(&hash, ANN, Quota::of_device(), 600, rest, size)
            .await
            .unwrap();
        assert_eq!(
            store.finish(&hash, ANN, size).await.unwrap(),
            Finished::Complete
        );
        assert_eq!(store.complete_size(&hash).await.unwrap(), Some(size));
        assert_eq!(store.received(&hash, Some(ANN)).await.unwrap(), 0);
        assert_eq!(
            fs::read_dir(&store.uploads).unwrap().count(),
            0,
            "no upload or lock file left"
        );
        let stored = fs::read(store.original(&hash)).unwrap();
        assert_eq!(stored, bytes);
    }

    #[tokio::test]
    async fn bytes_that_do_not_hash_to_the_name_are_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let store = DirBlobStore::open(dir.path()).unwrap();
        let claimed = sha(b"the real photo");
        let wrong = Bytes::from_static(b"another photoo");
        store
            .append(&claimed, ANN, Quota::of_device(), 0, wrong, 14)
            .await
            .unwrap();
        assert!(matches!(
            store.finish(&claimed, ANN, 14).await.unwrap(),
            Finished::HashMismatch { .. }
        ));
        assert_eq!(store.received(&claimed, Some(ANN)).await.unwrap(), 0);
        assert_eq!(store.complete_size(&claimed).await.unwrap(), None);
    }

    const ANN: Uuid = Uuid::from_u128(1);
    const BEN: Uuid = Uuid::from_u128(2);

    #[tokio::test]
    async fn each_device_uploads_on_its_own_and_a_wrong_byte_spoils_only_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let store = DirBlobStore::open(dir.path()).unwrap();
        let bytes = vec![7u8; 100];
        let hash = sha(&bytes);
        let half = Bytes::copy_from_slice(&bytes[..50]);
        store
            .append(&hash, ANN, Quota::of_device(), 0, half.clone(), 100)
            .await
            .unwrap();
        // Ben names the hash: his upload starts at 0, and Ann's is not his to add to.
        assert_eq!(store.received(&hash, Some(BEN)).await.unwrap(), 0);
        assert_eq!(
            store
                .append(&hash, BEN, Quota::of_device(), 50, half.clone(), 100)
                .await
                .unwrap(),
            Appended::OffsetMismatch { received: 0 }
        );
        let junk = Bytes::from(vec![0u8; 100]);
        store
            .append(&hash, BEN, Quota::of_device(), 0, junk, 100)
            .await
            .unwrap();
        assert!(matches!(
            store.finish(&hash, BEN, 100).await.unwrap(),
            Finished::HashMismatch { .. }
        ));
        assert_eq!(store.received(&hash, Some(ANN)).await.unwrap(), 50);
        assert_eq!(store.received(&hash, None).await.unwrap(), 50);
        store
            .append(&hash, ANN, Quota::of_device(), 50, half, 100)
            .await
            .unwrap();
        assert_eq!(
            store.finish(&hash, ANN, 100).await.unwrap(),
            Finished::Complete
        );
    }

    #[tokio::test]
    async fn uploads_without_progress_are_swept_and_a_device_holds_a_bounded_amount() {
        let dir = tempfile::tempdir().unwrap();
        let store = DirBlobStore::open(dir.path()).unwrap();
        let (old, fresh) = (sha(b"old"), sha(b"fresh"));
        store
            .append(
                &old,
                ANN,
                Quota::of_device(),
                0,
                Bytes::from_static(b"ol"),
                3,
            )
            .await
            .unwrap();
        store
            .append(
                &fresh,
                ANN,
                Quota::of_device(),
                0,
                Bytes::from_static(b"fr"),
                5,
            )
            .await
            .unwrap();
        // An upload of an older version, named by its hash alone, and Ann's old one: a day old.
        let legacy = store.uploads.join(sha(b"legacy"));
        fs::write(&legacy, b"le").unwrap();
        let day_ago = SystemTime::now() - UPLOAD_EXPIRY - Duration::from_secs(60);
        for path in [store.partial(&old, ANN), legacy.clone()] {
            File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(day_ago)
                .unwrap();
        }
        let swept = store
            .sweep(SystemTime::now() - UPLOAD_EXPIRY)
            .await
            .unwrap();
        assert_eq!(swept, 2);
        assert_eq!(store.received(&old, Some(ANN)).await.unwrap(), 0);
        assert!(!legacy.exists());
        assert_eq!(store.received(&fresh, Some(ANN)).await.unwrap(), 2);

        // The quota counts every unfinished upload of the account's devices, and only theirs.
        let big = sha(b"big");
        let limit = MAX_IN_PROGRESS_BYTES;
        fs::write(store.partial(&big, ANN), b"").unwrap();
        File::options()
            .write(true)
            .open(store.partial(&big, ANN))
            .unwrap()
            .set_len(limit - 2)
            .unwrap();
        assert_eq!(
            store
                .append(
                    &fresh,
                    ANN,
                    Quota::of_device(),
                    2,
                    Bytes::from_static(b"esh"),
                    5
                )
                .await
                .unwrap(),
            Appended::OverQuota { in_progress: limit }
        );
        assert_eq!(
            store
                .append(
                    &fresh,
                    BEN,
                    Quota {
                        devices: vec![ANN, BEN],
                        bytes: MAX_IN_PROGRESS_BYTES
                    },
                    0,
                    Bytes::from_static(b"fre"),
                    5
                )
                .await
                .unwrap(),
            Appended::OverQuota { in_progress: limit },
            "another device of the same account shares the quota"
        );
        assert!(matches!(
            store
                .append(
                    &fresh,
                    BEN,
                    Quota::of_device(),
                    0,
                    Bytes::from_static(b"fre"),
                    5
                )
                .await
                .unwrap(),
            Appended::Written { received: 3 }
        ));
    }
}

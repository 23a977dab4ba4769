//! Photo bytes, outside the database: the `BlobStore` trait (an S3-style store can implement it
//! later) and `DirBlobStore`, files in the data folder. Complete originals live in
//! `photos/ab/abcdef…` (named by their SHA-256, read-only); unfinished uploads in `uploads/`. Every
//! write is fsynced before it is acknowledged; an original moves into place only after its hash is
//! checked. Uploads of one photo are serialised by a file lock, so it holds across processes too.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::pin::Pin;

use async_trait::async_trait;
use axum::body::Bytes;
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
    /// Bytes held of an unfinished upload (0 when there is none).
    async fn received(&self, sha256: &str) -> io::Result<u64>;
    /// Append `chunk` at `offset` to the upload of `sha256`, durably, if it starts where the upload
    /// stands and ends within `size`.
    async fn append(
        &self,
        sha256: &str,
        offset: u64,
        chunk: Bytes,
        size: u64,
    ) -> io::Result<Appended>;
    /// With `size` bytes received: check the hash and move the original into place.
    async fn finish(&self, sha256: &str, size: u64) -> io::Result<Finished>;
    /// The complete original from byte `from` on, with its total size.
    async fn read(&self, sha256: &str, from: u64) -> io::Result<Option<(u64, BlobReader)>>;
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

    fn partial(&self, sha256: &str) -> PathBuf {
        self.uploads.join(sha256)
    }

    /// Hold the upload lock of one photo until the returned file drops.
    fn lock(&self, sha256: &str) -> io::Result<File> {
        let file = crate::private::file_options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.uploads.join(format!("{sha256}.lock")))?;
        file.lock()?;
        Ok(file)
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
        offset: u64,
        chunk: &[u8],
        size: u64,
    ) -> io::Result<Appended> {
        // An original in place never changes: seen without the lock, no lock file is left behind.
        if Self::size_of(&self.original(sha256))?.is_some() {
            return Ok(Appended::Complete);
        }
        let _lock = self.lock(sha256)?;
        if Self::size_of(&self.original(sha256))?.is_some() {
            return Ok(Appended::Complete);
        }
        let path = self.partial(sha256);
        let received = Self::size_of(&path)?.unwrap_or(0);
        if offset != received {
            return Ok(Appended::OffsetMismatch { received });
        }
        if offset + chunk.len() as u64 > size {
            return Ok(Appended::PastSize { received });
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

    fn finish_blocking(&self, sha256: &str, size: u64) -> io::Result<Finished> {
        let lock = self.lock(sha256)?;
        let target = self.original(sha256);
        if Self::size_of(&target)?.is_some() {
            return Ok(Finished::Complete);
        }
        let path = self.partial(sha256);
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
        // Waiters find the original in place before they look at the lock's file.
        drop(lock);
        let _ = fs::remove_file(self.uploads.join(format!("{sha256}.lock")));
        Ok(Finished::Complete)
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

    async fn received(&self, sha256: &str) -> io::Result<u64> {
        let path = self.partial(sha256);
        blocking(move || Ok(DirBlobStore::size_of(&path)?.unwrap_or(0))).await
    }

    async fn append(
        &self,
        sha256: &str,
        offset: u64,
        chunk: Bytes,
        size: u64,
    ) -> io::Result<Appended> {
        let (store, sha256) = (detached(self), sha256.to_string());
        blocking(move || store.append_blocking(&sha256, offset, &chunk, size)).await
    }

    async fn finish(&self, sha256: &str, size: u64) -> io::Result<Finished> {
        let (store, sha256) = (detached(self), sha256.to_string());
        blocking(move || store.finish_blocking(&sha256, size)).await
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
            store.append(&hash, 0, first.clone(), size).await.unwrap(),
            Appended::Written { received: 600 }
        );
        assert_eq!(
            store.append(&hash, 0, first, size).await.unwrap(),
            Appended::OffsetMismatch { received: 600 }
        );
        let too_long = Bytes::from(vec![0u8; 500]);
        assert_eq!(
            store.append(&hash, 600, too_long, size).await.unwrap(),
            Appended::PastSize { received: 600 }
        );
        assert_eq!(
            store.finish(&hash, size).await.unwrap(),
            Finished::Incomplete { received: 600 }
        );
        let rest = Bytes::copy_from_slice(&bytes[600..]);
        store.append(&hash, 600, rest, size).await.unwrap();
        assert_eq!(store.finish(&hash, size).await.unwrap(), Finished::Complete);
        assert_eq!(store.complete_size(&hash).await.unwrap(), Some(size));
        assert_eq!(store.received(&hash).await.unwrap(), 0);
        let stored = fs::read(store.original(&hash)).unwrap();
        assert_eq!(stored, bytes);
    }

    #[tokio::test]
    async fn bytes_that_do_not_hash_to_the_name_are_discarded() {
        let dir = tempfile::tempdir().unwrap();
        let store = DirBlobStore::open(dir.path()).unwrap();
        let claimed = sha(b"the real photo");
        let wrong = Bytes::from_static(b"another photoo");
        store.append(&claimed, 0, wrong, 14).await.unwrap();
        assert!(matches!(
            store.finish(&claimed, 14).await.unwrap(),
            Finished::HashMismatch { .. }
        ));
        assert_eq!(store.received(&claimed).await.unwrap(), 0);
        assert_eq!(store.complete_size(&claimed).await.unwrap(), None);
    }
}

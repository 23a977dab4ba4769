//! Sealed files: XChaCha20-Poly1305 in the STREAM construction (64 KiB segments, each
//! authenticated, the last one marked), so a file is sealed and opened as it streams, and a
//! truncated, reordered or altered file fails to open instead of yielding wrong bytes.
//!
//! Layout: `SEAL_MAGIC` (8 bytes), a random 19-byte nonce prefix, then the segments, each its
//! ciphertext and 16-byte tag. The caller's `context` (what the file is, e.g. its name) is the
//! associated data of every segment: a sealed file copied under another name does not open.

use std::io::{self, Read, Write};

use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use chacha20poly1305::aead::{KeyInit, Payload};
use chacha20poly1305::XChaCha20Poly1305;

use crate::FileKey;

/// The first bytes of every sealed file.
pub const SEAL_MAGIC: &[u8; 8] = b"QSSEAL1\n";
const NONCE_BYTES: usize = 19;
const SEGMENT: usize = 64 * 1024;
const TAG: usize = 16;

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("the file is not sealed (it does not start with Quayside's marker)")]
    NotSealed,
    #[error("the file does not open with this device's key: it was altered, cut short or sealed elsewhere")]
    Corrupt,
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl From<SealError> for io::Error {
    fn from(e: SealError) -> io::Error {
        match e {
            SealError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidData, other),
        }
    }
}

/// True when `bytes` (a file's first bytes) start like a sealed file.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(SEAL_MAGIC)
}

/// Seal `plain` whole.
pub fn seal(key: &FileKey, context: &[u8], plain: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(plain.len() + plain.len() / SEGMENT * TAG + 64);
    let mut writer = SealWriter::new(key, context, &mut out).expect("writing to memory");
    writer.write_all(plain).expect("writing to memory");
    writer.finish().expect("writing to memory");
    out
}

/// Open a whole sealed file.
pub fn open(key: &FileKey, context: &[u8], sealed: &[u8]) -> Result<Vec<u8>, SealError> {
    let mut out = Vec::with_capacity(sealed.len());
    let mut reader = OpenReader::new(key, context, sealed)?;
    while reader.next_segment()? {
        out.extend_from_slice(&reader.plain);
    }
    Ok(out)
}

/// Seals what is written to it into `inner`; call `finish` to write the last segment.
pub struct SealWriter<'c, W: Write> {
    inner: W,
    encryptor: Option<EncryptorBE32<XChaCha20Poly1305>>,
    context: &'c [u8],
    buffer: Vec<u8>,
}

impl<'c, W: Write> SealWriter<'c, W> {
    pub fn new(key: &FileKey, context: &'c [u8], mut inner: W) -> io::Result<Self> {
        let mut nonce = [0u8; NONCE_BYTES];
        getrandom::fill(&mut nonce).map_err(|e| io::Error::other(e.to_string()))?;
        inner.write_all(SEAL_MAGIC)?;
        inner.write_all(&nonce)?;
        let cipher = XChaCha20Poly1305::new((&key.0).into());
        Ok(SealWriter {
            inner,
            encryptor: Some(EncryptorBE32::from_aead(cipher, (&nonce).into())),
            context,
            buffer: Vec::with_capacity(SEGMENT + TAG),
        })
    }

    /// Seal the last segment and hand back the inner writer (not flushed to disk: the caller
    /// syncs it).
    pub fn finish(mut self) -> io::Result<W> {
        let encryptor = self.encryptor.take().expect("finish is called once");
        let payload = Payload {
            msg: &self.buffer,
            aad: self.context,
        };
        let last = encryptor
            .encrypt_last(payload)
            .map_err(|_| io::Error::other("sealing failed"))?;
        self.inner.write_all(&last)?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for SealWriter<'_, W> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut taken = 0;
        while taken < data.len() {
            // A full segment is sealed only once more bytes follow it: the last one is sealed
            // as the last, in `finish`.
            if self.buffer.len() == SEGMENT {
                let encryptor = self.encryptor.as_mut().expect("not finished");
                let sealed = encryptor
                    .encrypt_next(Payload {
                        msg: &self.buffer,
                        aad: self.context,
                    })
                    .map_err(|_| io::Error::other("sealing failed"))?;
                self.inner.write_all(&sealed)?;
                self.buffer.clear();
            }
            let room = SEGMENT - self.buffer.len();
            let n = room.min(data.len() - taken);
            self.buffer.extend_from_slice(&data[taken..taken + n]);
            taken += n;
        }
        Ok(taken)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Reads the plaintext of a sealed file, segment by segment; an error on any segment (altered,
/// truncated, wrong key or context) is `InvalidData`.
pub struct OpenReader<'c, R: Read> {
    inner: R,
    decryptor: Option<DecryptorBE32<XChaCha20Poly1305>>,
    context: &'c [u8],
    /// One byte read past a full segment: proof that the segment was not the last.
    carry: Option<u8>,
    plain: Vec<u8>,
    offset: usize,
}

impl<'c, R: Read> OpenReader<'c, R> {
    pub fn new(key: &FileKey, context: &'c [u8], mut inner: R) -> Result<Self, SealError> {
        let mut header = [0u8; SEAL_MAGIC.len() + NONCE_BYTES];
        read_up_to(&mut inner, &mut header).and_then(|n| {
            if n < SEAL_MAGIC.len() || &header[..SEAL_MAGIC.len()] != SEAL_MAGIC {
                Err(SealError::NotSealed)
            } else if n < header.len() {
                Err(SealError::Corrupt)
            } else {
                Ok(())
            }
        })?;
        let nonce: [u8; NONCE_BYTES] = header[SEAL_MAGIC.len()..].try_into().expect("sized");
        let cipher = XChaCha20Poly1305::new((&key.0).into());
        Ok(OpenReader {
            inner,
            decryptor: Some(DecryptorBE32::from_aead(cipher, (&nonce).into())),
            context,
            carry: None,
            plain: Vec::new(),
            offset: 0,
        })
    }

    /// Decrypt the next segment into `plain`; false when the last one was already read.
    fn next_segment(&mut self) -> Result<bool, SealError> {
        let Some(decryptor) = self.decryptor.as_mut() else {
            return Ok(false);
        };
        let mut chunk = vec![0u8; SEGMENT + TAG + 1];
        let mut filled = 0;
        if let Some(byte) = self.carry.take() {
            chunk[0] = byte;
            filled = 1;
        }
        filled += read_up_to(&mut self.inner, &mut chunk[filled..])?;
        let payload = |msg| Payload {
            msg,
            aad: self.context,
        };
        self.plain = if filled == chunk.len() {
            self.carry = Some(chunk[SEGMENT + TAG]);
            decryptor
                .decrypt_next(payload(&chunk[..SEGMENT + TAG]))
                .map_err(|_| SealError::Corrupt)?
        } else {
            let decryptor = self.decryptor.take().expect("checked above");
            decryptor
                .decrypt_last(payload(&chunk[..filled]))
                .map_err(|_| SealError::Corrupt)?
        };
        self.offset = 0;
        Ok(true)
    }
}

impl<R: Read> Read for OpenReader<'_, R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.offset == self.plain.len() {
            if !self.next_segment()? {
                return Ok(0);
            }
        }
        let n = out.len().min(self.plain.len() - self.offset);
        out[..n].copy_from_slice(&self.plain[self.offset..self.offset + n]);
        self.offset += n;
        Ok(n)
    }
}

/// Fill `buf` as far as the reader goes; the count read (short only at the end).
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> Result<usize, SealError> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataKey;

    fn key() -> FileKey {
        DataKey::generate().file_key()
    }

    #[test]
    fn round_trips_every_size_around_segment_edges() {
        let key = key();
        for len in [
            0,
            1,
            SEGMENT - 1,
            SEGMENT,
            SEGMENT + 1,
            2 * SEGMENT,
            3 * SEGMENT + 7,
        ] {
            let plain: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            let sealed = seal(&key, b"photo", &plain);
            assert!(is_sealed(&sealed));
            let segments = len.div_ceil(SEGMENT).max(1);
            assert_eq!(
                sealed.len(),
                8 + NONCE_BYTES + len + segments * TAG,
                "len {len}"
            );
            assert_eq!(open(&key, b"photo", &sealed).unwrap(), plain, "len {len}");
        }
    }

    #[test]
    fn the_plaintext_does_not_show_and_two_seals_differ() {
        let key = key();
        let plain = b"Wang Wei, passport E12345678, ".repeat(100);
        let a = seal(&key, b"x", &plain);
        let b = seal(&key, b"x", &plain);
        assert_ne!(a, b, "a fresh nonce each time");
        assert!(!a.windows(8).any(|w| w == b"Wang Wei"));
    }

    #[test]
    fn wrong_key_context_truncation_and_flips_fail() {
        let key = key();
        let plain: Vec<u8> = (0..(2 * SEGMENT + 100)).map(|i| i as u8).collect();
        let sealed = seal(&key, b"name-a", &plain);
        let corrupt = |bytes: &[u8], context: &[u8], k: &FileKey| {
            matches!(open(k, context, bytes), Err(SealError::Corrupt))
        };
        assert!(corrupt(&sealed, b"name-a", &self::key()), "another key");
        assert!(corrupt(&sealed, b"name-b", &key), "another context");
        // Cut at a segment boundary: the last segment left is not marked as last.
        let boundary = 8 + NONCE_BYTES + SEGMENT + TAG;
        assert!(
            corrupt(&sealed[..boundary], b"name-a", &key),
            "cut at a boundary"
        );
        assert!(
            corrupt(&sealed[..sealed.len() - 1], b"name-a", &key),
            "one byte short"
        );
        for at in [30, boundary + 5, sealed.len() - 3] {
            let mut flipped = sealed.clone();
            flipped[at] ^= 1;
            assert!(corrupt(&flipped, b"name-a", &key), "flip at {at}");
        }
        assert!(matches!(
            open(&key, b"name-a", b"plain text"),
            Err(SealError::NotSealed)
        ));
        assert!(matches!(
            open(&key, b"name-a", &sealed[..12]),
            Err(SealError::Corrupt)
        ));
    }

    #[test]
    fn streams_in_small_writes_and_reads() {
        let key = key();
        let plain: Vec<u8> = (0..(SEGMENT * 2 + 3)).map(|i| (i % 7) as u8).collect();
        let mut writer = SealWriter::new(&key, b"c", Vec::new()).unwrap();
        for piece in plain.chunks(1000) {
            writer.write_all(piece).unwrap();
        }
        let sealed = writer.finish().unwrap();
        let mut reader = OpenReader::new(&key, b"c", sealed.as_slice()).unwrap();
        let mut back = Vec::new();
        let mut small = [0u8; 333];
        loop {
            let n = reader.read(&mut small).unwrap();
            if n == 0 {
                break;
            }
            back.extend_from_slice(&small[..n]);
        }
        assert_eq!(back, plain);
    }
}

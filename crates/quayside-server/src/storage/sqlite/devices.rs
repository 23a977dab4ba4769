//! Enrolled devices: enrollment, bearer tokens, the device list and revocation (of a device, or
//! through its user).

use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use super::accounts::{user_row, USER_COLUMNS};
use super::SqliteStore;
use crate::storage::shared::{earlier, uuid};
use crate::storage::{
    Device, EnrollOutcome, Enrollment, Result, RevokedDevice, StoreError, TokenHolder,
};

const DEVICE_COLUMNS: &str =
    "id, public_key, name, username, enrolled_at, revoked_at, head_seq, head_hash, wipe_confirmed_at";

fn device_row(row: &Row) -> rusqlite::Result<(String, Vec<u8>, Device)> {
    let id: String = row.get(0)?;
    let key: Vec<u8> = row.get(1)?;
    let device = Device {
        id: Uuid::nil(),
        public_key: [0; 32],
        name: row.get(2)?,
        username: row.get(3)?,
        enrolled_at: row.get(4)?,
        revoked_at: row.get(5)?,
        head_seq: row.get::<_, i64>(6)? as u64,
        head_hash: row.get(7)?,
        wipe_confirmed_at: row.get(8)?,
    };
    Ok((id, key, device))
}

fn finish_device((id, key, mut device): (String, Vec<u8>, Device)) -> Result<Device> {
    device.id = uuid(&id)?;
    device.public_key = key
        .try_into()
        .map_err(|_| StoreError::Backend(format!("device {id} has a key of the wrong length")))?;
    Ok(device)
}

pub(super) async fn enroll(store: &SqliteStore, e: Enrollment) -> Result<EnrollOutcome> {
    store
        .write(move |tx| {
            let known: Option<(Vec<u8>, Option<String>, String)> = tx
                .query_row(
                    "SELECT public_key, revoked_at, username FROM devices WHERE id = ?1",
                    [e.device_id.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            match known {
                Some((_, Some(at), _)) => Ok(EnrollOutcome::Revoked { at }),
                Some((key, None, _)) if key != e.public_key => Ok(EnrollOutcome::KeyConflict),
                Some((_, None, username)) if username != e.username => {
                    Ok(EnrollOutcome::OtherUser { username })
                }
                Some(_) => {
                    // Same device, same key, same user: a new token replaces the old one.
                    tx.execute(
                        "UPDATE devices SET token_hash = ?2, name = ?3, token_used_ms = ?4
                          WHERE id = ?1",
                        params![e.device_id.to_string(), e.token_hash, e.name, e.now_ms],
                    )?;
                    Ok(EnrollOutcome::Enrolled)
                }
                None => {
                    tx.execute(
                        "INSERT INTO devices
                       (id, public_key, name, username, token_hash, enrolled_at, token_used_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        params![
                            e.device_id.to_string(),
                            e.public_key.as_slice(),
                            e.name,
                            e.username,
                            e.token_hash,
                            e.now,
                            e.now_ms
                        ],
                    )?;
                    Ok(EnrollOutcome::Enrolled)
                }
            }
        })
        .await
}

pub(super) async fn token_holder(
    store: &SqliteStore,
    token_hash: &str,
) -> Result<Option<TokenHolder>> {
    let token_hash = token_hash.to_string();
    store
        .read(move |tx| {
            let device = tx
                .query_row(
                    &format!(
                        "SELECT {DEVICE_COLUMNS}, token_used_ms FROM devices WHERE token_hash = ?1"
                    ),
                    [token_hash],
                    |row| Ok((device_row(row)?, row.get::<_, Option<i64>>(9)?)),
                )
                .optional()?;
            let Some((device, token_used_ms)) = device else {
                return Ok(None);
            };
            let device = finish_device(device)?;
            let user = tx.query_row(
                &format!("SELECT {USER_COLUMNS} FROM users WHERE username = ?1"),
                [&device.username],
                user_row,
            )?;
            let people = tx
                .prepare(&format!(
                    "SELECT {USER_COLUMNS} FROM users WHERE username IN
                       (SELECT username FROM device_people WHERE device_id = ?1)
                     ORDER BY username"
                ))?
                .query_map([device.id.to_string()], user_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(Some(TokenHolder {
                device,
                user,
                people,
                token_used_ms,
            }))
        })
        .await
}

/// Another account works on `device_id` (idempotent); the device's own user is one already.
pub(super) async fn link_person(
    store: &SqliteStore,
    device_id: Uuid,
    username: &str,
    now: &str,
) -> Result<()> {
    let (username, now) = (username.to_string(), now.to_string());
    store
        .write(move |tx| {
            tx.execute(
                "INSERT INTO device_people (device_id, username, linked_at)
                 SELECT id, ?2, ?3 FROM devices WHERE id = ?1 AND username <> ?2
                 ON CONFLICT (device_id, username) DO NOTHING",
                params![device_id.to_string(), username, now],
            )?;
            Ok(())
        })
        .await
}

pub(super) async fn devices_of(store: &SqliteStore, username: &str) -> Result<Vec<Uuid>> {
    let username = username.to_string();
    store
        .read(move |tx| {
            let ids = tx
                .prepare("SELECT id FROM devices WHERE username = ?1")?
                .query_map([username], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            ids.iter().map(|id| uuid(id)).collect()
        })
        .await
}

pub(super) async fn device_people(
    store: &SqliteStore,
) -> Result<std::collections::HashMap<Uuid, Vec<String>>> {
    store
        .read(|tx| {
            let rows = tx
                .prepare(
                    "SELECT device_id, username FROM device_people ORDER BY device_id, username",
                )?
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut people = std::collections::HashMap::<Uuid, Vec<String>>::new();
            for (id, username) in rows {
                people.entry(uuid(&id)?).or_default().push(username);
            }
            Ok(people)
        })
        .await
}

pub(super) async fn devices(store: &SqliteStore) -> Result<Vec<Device>> {
    store
        .read(|tx| {
            let mut stmt = tx.prepare(&format!(
                "SELECT {DEVICE_COLUMNS} FROM devices ORDER BY enrolled_at, id"
            ))?;
            let rows = stmt
                .query_map([], device_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(finish_device).collect()
        })
        .await
}

pub(super) async fn touch_token(store: &SqliteStore, token_hash: &str, at_ms: i64) -> Result<()> {
    let token_hash = token_hash.to_string();
    store
        .write(move |tx| {
            tx.execute(
                "UPDATE devices SET token_used_ms = max(coalesce(token_used_ms, 0), ?2)
                  WHERE token_hash = ?1",
                params![token_hash, at_ms],
            )?;
            Ok(())
        })
        .await
}

pub(super) async fn device(store: &SqliteStore, device_id: Uuid) -> Result<Option<Device>> {
    store
        .read(move |tx| {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT {DEVICE_COLUMNS} FROM devices WHERE id = ?1"
            ))?;
            let row = stmt
                .query_row([device_id.to_string()], device_row)
                .optional()?;
            row.map(finish_device).transpose()
        })
        .await
}

pub(super) async fn revoke_device(store: &SqliteStore, device_id: Uuid, now: &str) -> Result<()> {
    let now = now.to_string();
    store
        .write(move |tx| {
            let changed = tx.execute(
                "UPDATE devices SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1",
                params![device_id.to_string(), now],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!(
                    "there is no device {device_id}: `device list` shows the ids"
                )));
            }
            Ok(())
        })
        .await
}

pub(super) async fn revoked_devices(store: &SqliteStore) -> Result<Vec<RevokedDevice>> {
    store
        .read(|tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT d.id, d.head_seq, d.revoked_at, u.revoked_at
               FROM devices d JOIN users u ON u.username = d.username
              WHERE d.revoked_at IS NOT NULL OR u.revoked_at IS NOT NULL
              ORDER BY d.id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(id, head, device_at, user_at)| {
                    Ok(RevokedDevice {
                        device_id: uuid(&id)?,
                        last_valid_seq: head as u64,
                        revoked_at: earlier(device_at, user_at),
                    })
                })
                .collect()
        })
        .await
}

/// What a signed-out device's `token_hash` becomes: unique per device (the column is), and never
/// the hex SHA-256 of a token, so no bearer token resolves to it.
pub(crate) fn signed_out_marker(device_id: Uuid) -> String {
    format!("signed-out:{device_id}")
}

pub(super) async fn sign_out(
    store: &SqliteStore,
    device_id: Uuid,
    token_hash: &str,
) -> Result<bool> {
    let token_hash = token_hash.to_string();
    store
        .write(move |tx| {
            let changed = tx.execute(
                "UPDATE devices SET token_hash = ?3 WHERE id = ?1 AND token_hash = ?2",
                params![
                    device_id.to_string(),
                    token_hash,
                    signed_out_marker(device_id)
                ],
            )?;
            Ok(changed == 1)
        })
        .await
}

pub(super) async fn confirm_wipe(store: &SqliteStore, device_id: Uuid, now: &str) -> Result<()> {
    let now = now.to_string();
    store
        .write(move |tx| {
            let changed = tx.execute(
                "UPDATE devices SET wipe_confirmed_at = coalesce(wipe_confirmed_at, ?2) WHERE id = ?1",
                params![device_id.to_string(), now],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound(format!("there is no device {device_id}")));
            }
            Ok(())
        })
        .await
}

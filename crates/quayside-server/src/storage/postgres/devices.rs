//! Enrolled devices: enrollment (`ON CONFLICT`, so two processes cannot both enroll one device),
//! bearer tokens, the device list and revocation (of a device, or through its user).

use tokio_postgres::Row;
use uuid::Uuid;

use super::accounts::{user_row, USER_COLUMNS};
use super::PgStore;
use crate::storage::shared::{earlier, uuid};
use crate::storage::{
    Device, EnrollOutcome, Enrollment, Result, RevokedDevice, StoreError, TokenHolder,
};

const DEVICE_COLUMNS: &str =
    "d.id, d.public_key, d.name, d.username, d.enrolled_at, d.revoked_at, d.head_seq, d.head_hash, \
     d.wipe_confirmed_at";

fn device_row(row: &Row) -> Result<Device> {
    let id: String = row.get(0);
    let key: Vec<u8> = row.get(1);
    Ok(Device {
        id: uuid(&id)?,
        public_key: key.try_into().map_err(|_| {
            StoreError::Backend(format!("device {id} has a key of the wrong length"))
        })?,
        name: row.get(2),
        username: row.get(3),
        enrolled_at: row.get(4),
        revoked_at: row.get(5),
        head_seq: row.get::<_, i64>(6) as u64,
        head_hash: row.get(7),
        wipe_confirmed_at: row.get(8),
    })
}

pub(super) async fn enroll(store: &PgStore, e: Enrollment) -> Result<EnrollOutcome> {
    let mut client = store.client().await?;
    let tx = client.transaction().await?;
    let device_id = e.device_id.to_string();
    // The unique id decides between two processes enrolling one device at once.
    let inserted = tx
        .execute(
            "INSERT INTO devices
               (id, public_key, name, username, token_hash, enrolled_at, token_used_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (id) DO NOTHING",
            &[
                &device_id,
                &e.public_key.as_slice(),
                &e.name,
                &e.username,
                &e.token_hash,
                &e.now,
                &e.now_ms,
            ],
        )
        .await?;
    if inserted == 1 {
        tx.commit().await?;
        return Ok(EnrollOutcome::Enrolled);
    }
    let row = tx
        .query_one(
            "SELECT public_key, revoked_at, username FROM devices WHERE id = $1 FOR UPDATE",
            &[&device_id],
        )
        .await?;
    let key: Vec<u8> = row.get(0);
    let revoked: Option<String> = row.get(1);
    let username: String = row.get(2);
    let outcome = match revoked {
        Some(at) => EnrollOutcome::Revoked { at },
        None if key != e.public_key => EnrollOutcome::KeyConflict,
        None if username != e.username => EnrollOutcome::OtherUser { username },
        None => {
            // Same device, same key, same user: a new token replaces the old one.
            tx.execute(
                "UPDATE devices SET token_hash = $2, name = $3, token_used_ms = $4 WHERE id = $1",
                &[&device_id, &e.token_hash, &e.name, &e.now_ms],
            )
            .await?;
            EnrollOutcome::Enrolled
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

pub(super) async fn token_holder(store: &PgStore, token_hash: &str) -> Result<Option<TokenHolder>> {
    let client = store.client().await?;
    let row = client
        .query_opt(
            &format!(
                "SELECT {DEVICE_COLUMNS}, {USER_COLUMNS}, d.token_used_ms
                   FROM devices d JOIN users u ON u.username = d.username
                  WHERE d.token_hash = $1"
            ),
            &[&token_hash],
        )
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let device = device_row(&row)?;
    let people = client
        .query(
            &format!(
                "SELECT {USER_COLUMNS} FROM users u
                  WHERE u.username IN (SELECT username FROM device_people WHERE device_id = $1)
                  ORDER BY u.username"
            ),
            &[&device.id.to_string()],
        )
        .await?
        .iter()
        .map(|row| user_row(row, 0))
        .collect();
    Ok(Some(TokenHolder {
        device,
        user: user_row(&row, 9),
        people,
        token_used_ms: row.get(row.len() - 1),
    }))
}

/// Another account works on `device_id` (idempotent); the device's own user is one already.
pub(super) async fn link_person(
    store: &PgStore,
    device_id: Uuid,
    username: &str,
    now: &str,
) -> Result<()> {
    let client = store.client().await?;
    client
        .execute(
            "INSERT INTO device_people (device_id, username, linked_at)
             SELECT id, $2, $3 FROM devices WHERE id = $1 AND username <> $2
             ON CONFLICT (device_id, username) DO NOTHING",
            &[&device_id.to_string(), &username, &now],
        )
        .await?;
    Ok(())
}

pub(super) async fn devices_of(store: &PgStore, username: &str) -> Result<Vec<Uuid>> {
    let client = store.client().await?;
    client
        .query("SELECT id FROM devices WHERE username = $1", &[&username])
        .await?
        .iter()
        .map(|row| uuid(row.get(0)))
        .collect()
}

pub(super) async fn device_people(
    store: &PgStore,
) -> Result<std::collections::HashMap<Uuid, Vec<String>>> {
    let client = store.client().await?;
    let rows = client
        .query(
            "SELECT device_id, username FROM device_people ORDER BY device_id, username",
            &[],
        )
        .await?;
    let mut people = std::collections::HashMap::<Uuid, Vec<String>>::new();
    for row in &rows {
        people
            .entry(uuid(row.get(0))?)
            .or_default()
            .push(row.get(1));
    }
    Ok(people)
}

pub(super) async fn devices(store: &PgStore) -> Result<Vec<Device>> {
    let client = store.client().await?;
    let rows = client
        .query(
            &format!("SELECT {DEVICE_COLUMNS} FROM devices d ORDER BY d.enrolled_at, d.id"),
            &[],
        )
        .await?;
    rows.iter().map(device_row).collect()
}

pub(super) async fn touch_token(store: &PgStore, token_hash: &str, at_ms: i64) -> Result<()> {
    let client = store.client().await?;
    client
        .execute(
            "UPDATE devices SET token_used_ms = greatest(coalesce(token_used_ms, 0), $2)
              WHERE token_hash = $1",
            &[&token_hash, &at_ms],
        )
        .await?;
    Ok(())
}

pub(super) async fn device(store: &PgStore, device_id: Uuid) -> Result<Option<Device>> {
    let client = store.client().await?;
    let row = client
        .query_opt(
            &format!("SELECT {DEVICE_COLUMNS} FROM devices d WHERE d.id = $1"),
            &[&device_id.to_string()],
        )
        .await?;
    row.as_ref().map(device_row).transpose()
}

pub(super) async fn revoke_device(store: &PgStore, device_id: Uuid, now: &str) -> Result<()> {
    let client = store.client().await?;
    let changed = client
        .execute(
            "UPDATE devices SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1",
            &[&device_id.to_string(), &now],
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!(
            "there is no device {device_id}: `device list` shows the ids"
        )));
    }
    Ok(())
}

pub(super) async fn revoked_devices(store: &PgStore) -> Result<Vec<RevokedDevice>> {
    let client = store.client().await?;
    let rows = client
        .query(
            "SELECT d.id, d.head_seq, d.revoked_at, u.revoked_at
               FROM devices d JOIN users u ON u.username = d.username
              WHERE d.revoked_at IS NOT NULL OR u.revoked_at IS NOT NULL
              ORDER BY d.id",
            &[],
        )
        .await?;
    rows.iter()
        .map(|row| {
            Ok(RevokedDevice {
                device_id: uuid(row.get(0))?,
                last_valid_seq: row.get::<_, i64>(1) as u64,
                revoked_at: earlier(row.get(2), row.get(3)),
            })
        })
        .collect()
}

pub(super) async fn sign_out(store: &PgStore, device_id: Uuid, token_hash: &str) -> Result<bool> {
    let client = store.client().await?;
    // Unique per device and never a token's hex SHA-256 (as on SQLite).
    let marker = format!("signed-out:{device_id}");
    let changed = client
        .execute(
            "UPDATE devices SET token_hash = $3 WHERE id = $1 AND token_hash = $2",
            &[&device_id.to_string(), &token_hash, &marker],
        )
        .await?;
    Ok(changed == 1)
}

pub(super) async fn confirm_wipe(store: &PgStore, device_id: Uuid, now: &str) -> Result<()> {
    let client = store.client().await?;
    let changed = client
        .execute(
            "UPDATE devices SET wipe_confirmed_at = coalesce(wipe_confirmed_at, $2) WHERE id = $1",
            &[&device_id.to_string(), &now],
        )
        .await?;
    if changed == 0 {
        return Err(StoreError::NotFound(format!(
            "there is no device {device_id}"
        )));
    }
    Ok(())
}

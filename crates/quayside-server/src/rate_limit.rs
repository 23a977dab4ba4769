//! Requests without a token (enrollment, a revoked device's wipe confirmation, the OpenAPI
//! document) are limited per client network with `tower_governor`: a burst of
//! `serve --unauthenticated-per-minute` requests (60 by default), then one each 1/N minute. A
//! client is its IPv4 address, or its IPv6 /64 (one subscriber's whole network), as sign-in
//! failures count it. Over the limit: 429 `too_many_attempts` with Retry-After.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, Response};
use governor::middleware::NoOpMiddleware;
use quayside_protocol::ErrorCode;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

use crate::error::ApiError;

pub const DEFAULT_PER_MINUTE: u32 = 60;

/// The client's network, from the socket's address; requests without one (an in-process test)
/// share one key.
#[derive(Debug, Clone, Copy)]
pub struct ClientNetwork;

impl KeyExtractor for ClientNetwork {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        let address = request
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip().to_canonical());
        Ok(match address {
            Some(IpAddr::V6(v6)) => IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into()),
            Some(v4) => v4,
            None => IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
        })
    }
}

pub type Limits = Arc<GovernorConfig<ClientNetwork, NoOpMiddleware>>;

/// A limiter of `per_minute` requests a minute per client network, which every route it layers
/// shares.
pub fn per_minute(per_minute: u32) -> Limits {
    let per_minute = per_minute.max(1);
    let config = GovernorConfigBuilder::default()
        .key_extractor(ClientNetwork)
        .period(Duration::from_millis(60_000 / u64::from(per_minute)).max(Duration::from_millis(1)))
        .burst_size(per_minute)
        .finish()
        .expect("a period and a burst above zero");
    Arc::new(config)
}

/// Forget, every minute, the clients whose quota is whole again: the limiter of a serving
/// router keeps one entry per client network otherwise.
pub async fn trim_forever(limits: Limits) {
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
        limits.limiter().retain_recent();
    }
}

/// The layer for a route: over the limit, the one error answer with Retry-After.
pub fn layer(limits: &Limits) -> GovernorLayer<ClientNetwork, NoOpMiddleware, Body> {
    GovernorLayer::new(limits.clone()).error_handler(refused)
}

fn refused(error: GovernorError) -> Response<Body> {
    use axum::response::IntoResponse;
    let wait = match error {
        GovernorError::TooManyRequests { wait_time, .. } => wait_time.max(1),
        _ => 1,
    };
    let mut error = ApiError::new(
        axum::http::StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::TooManyAttempts,
        format!(
            "too many requests without a token from this address: wait {wait} seconds \
             (Retry-After) and try again"
        ),
    );
    error.retry_after = Some(wait);
    error.into_response()
}

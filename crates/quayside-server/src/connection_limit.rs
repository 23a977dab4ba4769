//! At most `serve --max-connections` connections at once (1024 by default): one more is closed as
//! soon as it is accepted, so a client opening sockets by the thousand costs the server a file
//! descriptor each for a moment, not a task and buffers each. Counted below TLS, so a handshake
//! holds a place too (axum-server gives it 10 s).

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum_server::accept::Accept;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;

/// An acceptor that takes a place for each connection and gives it back when it closes.
#[derive(Clone)]
pub struct LimitConnections<A> {
    inner: A,
    places: Arc<Semaphore>,
}

impl<A> LimitConnections<A> {
    pub fn new(inner: A, max: usize) -> LimitConnections<A> {
        LimitConnections {
            inner,
            places: Arc::new(Semaphore::new(max.max(1))),
        }
    }
}

impl<A, I, S> Accept<I, S> for LimitConnections<A>
where
    A: Accept<I, S>,
    A::Future: Send + 'static,
    A::Stream: Send + 'static,
    A::Service: Send + 'static,
{
    type Stream = Limited<A::Stream>;
    type Service = A::Service;
    type Future = Pin<
        Box<dyn std::future::Future<Output = io::Result<(Self::Stream, Self::Service)>> + Send>,
    >;

    fn accept(&self, stream: I, service: S) -> Self::Future {
        let place = self.places.clone().try_acquire_owned();
        let accepting = self.inner.accept(stream, service);
        Box::pin(async move {
            // Dropping `accepting` closes the socket.
            let place = place.map_err(|_| io::Error::other("too many connections at once"))?;
            let (stream, service) = accepting.await?;
            Ok((
                Limited {
                    stream,
                    _place: place,
                },
                service,
            ))
        })
    }
}

/// A connection holding its place until it is dropped.
pub struct Limited<T> {
    stream: T,
    _place: OwnedSemaphorePermit,
}

impl<T: AsyncRead + Unpin> AsyncRead for Limited<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Limited<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}

//! Database URLs: which ones name PostgreSQL, and how one is shown without its password.

/// Does `url` name a PostgreSQL database (and so select this backend)?
pub fn is_postgres_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// `url` without its password (in the user part or a `password=` parameter), for messages and logs.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return "(a database URL)".into();
    };
    let (before_query, query) = match rest.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (rest, None),
    };
    let before_query = match before_query.rfind('@') {
        Some(at) => {
            let user = before_query[..at].split(':').next().unwrap_or_default();
            format!("{user}@{}", &before_query[at + 1..])
        }
        None => before_query.to_string(),
    };
    let query = query
        .map(|q| {
            q.split('&')
                .filter(|kv| !kv.to_ascii_lowercase().starts_with("password="))
                .collect::<Vec<_>>()
                .join("&")
        })
        .filter(|q| !q.is_empty())
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    format!("{scheme}://{before_query}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_recognised_and_shown_without_their_password() {
        assert!(is_postgres_url("postgres://u@h/db"));
        assert!(is_postgres_url("postgresql://u@h/db"));
        assert!(!is_postgres_url("/var/lib/quayside"));
        assert!(!is_postgres_url("sqlite:///x"));
        assert_eq!(
            redact("postgres://quay:s3cr%40t@db.example:5432/quayside"),
            "postgres://quay@db.example:5432/quayside"
        );
        assert_eq!(
            redact("postgres://quay:p@ss/word@db:5432/q?sslmode=disable&password=x"),
            "postgres://quay@db:5432/q?sslmode=disable"
        );
        assert_eq!(redact("postgres://h/db?password=x"), "postgres://h/db");
    }
}

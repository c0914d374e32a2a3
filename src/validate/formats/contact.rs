//! Email addresses and websites of a partner.
//!
//! Email syntax is RFC 5322/5321 as the `email_address` crate checks it. Website addresses are
//! checked by hand: the `url` crate would pull its IDNA and Unicode tables into the browser
//! bundle, which is far more than the few rules a partner's website needs.

use email_address::{EmailAddress, Error as EmailError, Options};

use crate::validate::Problem;

/// Longest web address we accept; browsers and servers commonly stop at about 2,000.
const MAX_URL_LENGTH: usize = 2048;

/// Checks an email address: trimmed, the domain lower-cased (domains are case-insensitive,
/// the part before the @ in principle is not, so it is kept as typed). The domain must have a
/// dot: addresses at a bare host name such as `localhost` are not reachable from outside.
pub fn normalize_email(raw: &str) -> Result<String, String> {
    check_email(raw).map_err(String::from)
}

/// [`normalize_email`] with the problem also as a Fluent message (`validate-email-*`).
pub fn check_email(raw: &str) -> Result<String, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Problem::fixed(
            "validate-email-empty",
            "the email address is empty",
        ));
    }
    if text.contains(['<', '>']) {
        return Err(Problem::fixed(
            "validate-email-angle-brackets",
            "give only the address, without a name or angle brackets",
        ));
    }
    if text.contains(char::is_whitespace) {
        return Err(Problem::fixed(
            "validate-email-spaces",
            "an email address has no spaces",
        ));
    }
    let options = Options::default()
        .with_required_tld()
        .without_domain_literal()
        .without_display_text();
    let address = EmailAddress::parse_with_options(text, options).map_err(email_message)?;
    let domain = address.domain().to_lowercase();
    if !domain.contains('.') {
        return Err(Problem::fixed(
            "validate-email-domain-dot",
            "the domain after the @ needs a dot, like example.com",
        ));
    }
    // The crate allows any atom character in the domain; RFC 5321 host names only have
    // letters, digits and hyphens, and a "_" there is always a typo.
    if let Some(character) = domain
        .chars()
        .find(|&c| !(c.is_alphanumeric() || c == '-' || c == '.'))
    {
        return Err(Problem::new(
            "validate-email-domain-character",
            vec![("character", format!("{character:?}"))],
            format!("the domain after the @ contains {character:?}, which is not allowed there"),
        ));
    }
    Ok(format!("{}@{domain}", address.local_part()))
}

fn email_message(error: EmailError) -> Problem {
    let (key, message) = match error {
        EmailError::MissingSeparator => (
            "validate-email-no-at",
            "an email address needs an @ between name and domain",
        ),
        EmailError::LocalPartEmpty => (
            "validate-email-no-name",
            "an email address needs a name before the @",
        ),
        EmailError::LocalPartTooLong => (
            "validate-email-name-too-long",
            "the part before the @ is longer than 64 characters",
        ),
        EmailError::DomainEmpty => (
            "validate-email-no-domain",
            "an email address needs a domain after the @, like example.com",
        ),
        EmailError::DomainTooLong => (
            "validate-email-domain-too-long",
            "the domain after the @ is longer than 254 characters",
        ),
        EmailError::SubDomainEmpty | EmailError::DomainInvalidSeparator => (
            "validate-email-domain-dots",
            "the domain after the @ has two dots in a row, or a dot at its start or end",
        ),
        EmailError::SubDomainTooLong => (
            "validate-email-domain-part-too-long",
            "a part of the domain is longer than 63 characters",
        ),
        EmailError::DomainTooFew => (
            "validate-email-domain-dot",
            "the domain after the @ needs a dot, like example.com",
        ),
        EmailError::UnbalancedQuotes => (
            "validate-email-quotes",
            "the quotes in the email address are unbalanced",
        ),
        EmailError::UnsupportedDomainLiteral => (
            "validate-email-domain-ip",
            "the domain after the @ must be a name, not an IP address",
        ),
        _ => (
            "validate-email-character",
            "the email address contains a character that is not allowed there",
        ),
    };
    Problem::fixed(key, message)
}

/// Checks a website address and returns it with its scheme: "example.com/about" ->
/// "https://example.com/about". Only http and https, a host name with a dot, no spaces, no
/// user name. The scheme and host are lower-cased; a lone "/" path is dropped, so
/// "https://example.com/" and "https://example.com" are stored alike.
pub fn normalize_url(raw: &str) -> Result<String, String> {
    check_url(raw).map_err(String::from)
}

/// [`normalize_url`] with the problem also as a Fluent message (`validate-url-*`).
pub fn check_url(raw: &str) -> Result<String, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Problem::fixed(
            "validate-url-empty",
            "the web address is empty",
        ));
    }
    if text.contains(char::is_whitespace) {
        return Err(Problem::fixed(
            "validate-url-spaces",
            "a web address has no spaces",
        ));
    }
    if text.contains(char::is_control) {
        return Err(Problem::fixed(
            "validate-url-control",
            "the web address contains a control character",
        ));
    }
    if text.len() > MAX_URL_LENGTH {
        return Err(Problem::new(
            "validate-url-too-long",
            vec![
                ("max", MAX_URL_LENGTH.to_string()),
                ("got", text.len().to_string()),
            ],
            format!(
                "a web address has at most {MAX_URL_LENGTH} characters (got {})",
                text.len()
            ),
        ));
    }
    let (scheme, rest) = match text.split_once("://") {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
        None => {
            // "mailto:…" or "ftp:…" name another scheme; "example.com:8080" names a port.
            if let Some((before, after)) = text.split_once(':') {
                let names_scheme = !before.is_empty()
                    && before.bytes().all(|byte| byte.is_ascii_alphabetic())
                    && !after.starts_with(|c: char| c.is_ascii_digit());
                if names_scheme {
                    return Err(scheme_problem(format!("{before}:")));
                }
            }
            ("https".to_owned(), text.trim_start_matches("//"))
        }
    };
    if scheme != "http" && scheme != "https" {
        return Err(scheme_problem(format!("{scheme}://")));
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return Err(Problem::fixed(
            "validate-url-user",
            "a web address with a user name or password (@) is not accepted",
        ));
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => {
            let valid = !port.is_empty()
                && port.bytes().all(|byte| byte.is_ascii_digit())
                && port.parse::<u16>().is_ok_and(|number| number > 0);
            if !valid {
                return Err(Problem::new(
                    "validate-url-port",
                    vec![("port", format!("{port:?}"))],
                    format!("the port after the : must be a number from 1 to 65535 (got {port:?})"),
                ));
            }
            (host, Some(port))
        }
        None => (authority, None),
    };
    let host = host.to_lowercase();
    check_host(&host)?;
    let tail = if tail == "/" { "" } else { tail };
    Ok(match port {
        Some(port) => format!("{scheme}://{host}:{port}{tail}"),
        None => format!("{scheme}://{host}{tail}"),
    })
}

/// DNS host-name rules (RFC 1123), allowing non-ASCII letters so internationalised names
/// typed in their own script pass.
fn check_host(host: &str) -> Result<(), Problem> {
    if host.is_empty() {
        return Err(Problem::fixed(
            "validate-url-no-domain",
            "the web address has no domain, like example.com",
        ));
    }
    let problem = |key: &'static str, message: String| {
        Problem::new(key, vec![("host", host.to_owned())], message)
    };
    if !host.contains('.') {
        return Err(problem(
            "validate-url-domain-dot",
            format!("the domain {host} needs a dot, like example.com"),
        ));
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err(problem(
                "validate-url-domain-dots",
                format!("the domain {host} has two dots in a row, or a dot at its start or end"),
            ));
        }
        if label.chars().count() > 63 {
            return Err(problem(
                "validate-url-domain-part-too-long",
                format!("a part of the domain {host} is longer than 63 characters"),
            ));
        }
        if let Some(character) = label.chars().find(|&c| !(c.is_alphanumeric() || c == '-')) {
            return Err(Problem::new(
                "validate-url-domain-character",
                vec![
                    ("host", host.to_owned()),
                    ("character", format!("{character:?}")),
                ],
                format!(
                    "the domain {host} contains {character:?}, which is not allowed in a domain"
                ),
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(problem(
                "validate-url-domain-hyphen",
                format!("a part of the domain {host} starts or ends with a hyphen"),
            ));
        }
    }
    // A numeric last part means an IP address; a partner's website has a name.
    if host
        .rsplit('.')
        .next()
        .is_some_and(|top| top.bytes().all(|byte| byte.is_ascii_digit()))
    {
        return Err(problem(
            "validate-url-domain-number",
            format!("the domain {host} must end in a name like .com, not a number"),
        ));
    }
    Ok(())
}

fn scheme_problem(scheme: String) -> Problem {
    let message = format!("only http:// and https:// web addresses are accepted (got {scheme})");
    Problem::new("validate-url-scheme", vec![("scheme", scheme)], message)
}

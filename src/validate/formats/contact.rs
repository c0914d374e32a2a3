//! Email addresses and websites of a partner.
//!
//! Email syntax is RFC 5322/5321 as the `email_address` crate checks it. Website addresses are
//! checked by hand: the `url` crate would pull its IDNA and Unicode tables into the browser
//! bundle, which is far more than the few rules a partner's website needs.

use email_address::{EmailAddress, Error as EmailError, Options};

/// Longest web address we accept; browsers and servers commonly stop at about 2,000.
const MAX_URL_LENGTH: usize = 2048;

/// Checks an email address: trimmed, the domain lower-cased (domains are case-insensitive,
/// the part before the @ in principle is not, so it is kept as typed). The domain must have a
/// dot: addresses at a bare host name such as `localhost` are not reachable from outside.
pub fn normalize_email(raw: &str) -> Result<String, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err("the email address is empty".into());
    }
    if text.contains(['<', '>']) {
        return Err("give only the address, without a name or angle brackets".into());
    }
    if text.contains(char::is_whitespace) {
        return Err("an email address has no spaces".into());
    }
    let options = Options::default()
        .with_required_tld()
        .without_domain_literal()
        .without_display_text();
    let address = EmailAddress::parse_with_options(text, options).map_err(email_message)?;
    let domain = address.domain().to_lowercase();
    if !domain.contains('.') {
        return Err("the domain after the @ needs a dot, like example.com".into());
    }
    // The crate allows any atom character in the domain; RFC 5321 host names only have
    // letters, digits and hyphens, and a "_" there is always a typo.
    if let Some(character) = domain
        .chars()
        .find(|&c| !(c.is_alphanumeric() || c == '-' || c == '.'))
    {
        return Err(format!(
            "the domain after the @ contains {character:?}, which is not allowed there"
        ));
    }
    Ok(format!("{}@{domain}", address.local_part()))
}

fn email_message(error: EmailError) -> String {
    match error {
        EmailError::MissingSeparator => "an email address needs an @ between name and domain",
        EmailError::LocalPartEmpty => "an email address needs a name before the @",
        EmailError::LocalPartTooLong => "the part before the @ is longer than 64 characters",
        EmailError::DomainEmpty => "an email address needs a domain after the @, like example.com",
        EmailError::DomainTooLong => "the domain after the @ is longer than 254 characters",
        EmailError::SubDomainEmpty | EmailError::DomainInvalidSeparator => {
            "the domain after the @ has two dots in a row, or a dot at its start or end"
        }
        EmailError::SubDomainTooLong => "a part of the domain is longer than 63 characters",
        EmailError::DomainTooFew => "the domain after the @ needs a dot, like example.com",
        EmailError::UnbalancedQuotes => "the quotes in the email address are unbalanced",
        EmailError::UnsupportedDomainLiteral => {
            "the domain after the @ must be a name, not an IP address"
        }
        _ => "the email address contains a character that is not allowed there",
    }
    .into()
}

/// Checks a website address and returns it with its scheme: "example.com/about" ->
/// "https://example.com/about". Only http and https, a host name with a dot, no spaces, no
/// user name. The scheme and host are lower-cased; a lone "/" path is dropped, so
/// "https://example.com/" and "https://example.com" are stored alike.
pub fn normalize_url(raw: &str) -> Result<String, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Err("the web address is empty".into());
    }
    if text.contains(char::is_whitespace) {
        return Err("a web address has no spaces".into());
    }
    if text.contains(char::is_control) {
        return Err("the web address contains a control character".into());
    }
    if text.len() > MAX_URL_LENGTH {
        return Err(format!(
            "a web address has at most {MAX_URL_LENGTH} characters (got {})",
            text.len()
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
                    return Err(format!(
                        "only http:// and https:// web addresses are accepted (got {before}:)"
                    ));
                }
            }
            ("https".to_owned(), text.trim_start_matches("//"))
        }
    };
    if scheme != "http" && scheme != "https" {
        return Err(format!(
            "only http:// and https:// web addresses are accepted (got {scheme}://)"
        ));
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return Err("a web address with a user name or password (@) is not accepted".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => {
            let valid = !port.is_empty()
                && port.bytes().all(|byte| byte.is_ascii_digit())
                && port.parse::<u16>().is_ok_and(|number| number > 0);
            if !valid {
                return Err(format!(
                    "the port after the : must be a number from 1 to 65535 (got {port:?})"
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
fn check_host(host: &str) -> Result<(), String> {
    if host.is_empty() {
        return Err("the web address has no domain, like example.com".into());
    }
    if !host.contains('.') {
        return Err(format!("the domain {host} needs a dot, like example.com"));
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err(format!(
                "the domain {host} has two dots in a row, or a dot at its start or end"
            ));
        }
        if label.chars().count() > 63 {
            return Err(format!(
                "a part of the domain {host} is longer than 63 characters"
            ));
        }
        if let Some(character) = label.chars().find(|&c| !(c.is_alphanumeric() || c == '-')) {
            return Err(format!(
                "the domain {host} contains {character:?}, which is not allowed in a domain"
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!(
                "a part of the domain {host} starts or ends with a hyphen"
            ));
        }
    }
    // A numeric last part means an IP address; a partner's website has a name.
    if host
        .rsplit('.')
        .next()
        .is_some_and(|top| top.bytes().all(|byte| byte.is_ascii_digit()))
    {
        return Err(format!(
            "the domain {host} must end in a name like .com, not a number"
        ));
    }
    Ok(())
}

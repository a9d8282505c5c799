/// The site's `Cache-Control` values, in one place. Every response carries one (`CacheControlMiddleware` adds
/// `dynamic` to any response whose handler chose nothing); `CacheControlTests` holds each route to its category.
enum CachePolicy {
    /// A page or answer built for this request: a CSRF or answer token, a person's data, a campaign's live
    /// figures. The default.
    static let dynamic = "no-store"
    /// The public pages that are the same for everyone (the root, about, privacy): a shared cache may keep them a
    /// minute, so a change of the retention settings shows within one.
    static let publicPage = "public, max-age=60"
    /// Files of `Public/` (styles, scripts, images), revalidated by ETag after an hour.
    static let asset = "public, max-age=3600"
}

/// Who sees and who changes a form: the province every form; a district or commune the province's standard forms
/// (to see and use) and its own (to change). The one rule for the form pages, as `CampaignAccess` is for campaigns.
package enum FormAccess {
    package static func maySee(formOwner: String?, user: AuthenticatedUser) -> Bool {
        user.role == .province || formOwner == nil || formOwner == user.unitCode
    }

    package static func mayChange(formOwner: String?, user: AuthenticatedUser) -> Bool {
        user.role == .province || (formOwner != nil && formOwner == user.unitCode)
    }
}

//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

extension MustacheTemplate {
    /// Render template using object
    /// - Parameters:
    ///   - stack: Object
    ///   - context: Context that render is occurring in. Contains information about position in sequence
    ///   - indentation: indentation of partial
    /// - Returns: Rendered text
    func render(context: MustacheContext) -> String {
        var string = ""
        self.render(context: context, into: &string)
        return string
    }

    /// Renders onto the end of `string`.
    ///
    /// AlmaKit: every token, section and partial writes into the one string
    /// of the whole page, where each returned a string of its own that its
    /// caller then copied into its own.
    func render(context: MustacheContext, into string: inout String) {
        var context = context

        if let indentation = context.indentation, indentation != "" {
            // Whether a token starts a line depends on what this template
            // wrote before it, not on what its caller wrote: this template's
            // text is gathered apart, as before.
            var rendered = ""
            for token in tokens {
                var renderedString = ""
                self.renderToken(token, context: &context, into: &renderedString)
                // if rendered string is not empty and we are on a new line
                if !renderedString.isEmpty, rendered.last == "\n" {
                    rendered += indentation
                }
                rendered += renderedString
            }
            string += rendered
        } else {
            for token in tokens {
                self.renderToken(token, context: &context, into: &string)
            }
        }
    }

    func renderToken(_ token: Token, context: inout MustacheContext, into string: inout String) {
        switch token {
        case .text(let text):
            string += text

        case .variable(let variable, let transforms):
            // AlmaKit: texts and numbers, nearly every value a page prints,
            // are told apart by their type alone, before the casts that look
            // up conformances; a known parent's are not even boxed.
            switch getValue(named: variable, transforms: transforms, context: context) {
            case .text(let text)?:
                string += context.contentType.escapeText(text.renderText)
            case .number(let number)?:
                string += String(number)
            case .flag(let flag)?:
                string += context.contentType.escapeText(String(describing: flag))
            case .parent(let parent)?:
                string += context.contentType.escapeText(String(describing: parent))
            case .list(_, let list)?:
                string += context.contentType.escapeText(String(describing: list))
            case .other(let child)?:
                if let template = child as? MustacheTemplate {
                    template.render(context: context, into: &string)
                } else if let renderable = child as? MustacheCustomRenderable {
                    string += context.contentType.escapeText(renderable.renderText)
                } else if let lambda = child as? MustacheLambda {
                    string += self.renderLambda(lambda, parameter: "", context: context)
                } else {
                    string += context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(child)))
                }
            case nil:
                break
            }

        case .unescapedVariable(let variable, let transforms):
            switch getValue(named: variable, transforms: transforms, context: context) {
            case .text(let text)?:
                string += text.renderText
            case .number(let number)?:
                string += String(number)
            case .flag(let flag)?:
                string += String(describing: flag)
            case .parent(let parent)?:
                string += String(describing: parent)
            case .list(_, let list)?:
                string += String(describing: list)
            case .other(let child)?:
                if let renderable = child as? MustacheCustomRenderable {
                    string += renderable.renderText
                } else if let lambda = child as? MustacheLambda {
                    string += self.renderUnescapedLambda(lambda, parameter: "", context: context)
                } else {
                    string += String(describing: unwrapIfAnyContainsOptional(child))
                }
            case nil:
                break
            }

        case .section(let variable, let transforms, let template):
            switch getValue(named: variable, transforms: transforms, context: context) {
            case .flag(let flag)?:
                if flag { template.render(context: context, into: &string) }
            case .text(let text)?:
                // True, and the current object inside, as any other value.
                template.render(context: context.withObject(text), into: &string)
            case .number(let number)?:
                template.render(context: context.withObject(number), into: &string)
            case .parent(let parent)?:
                template.render(context: context.withObject(MustacheStackObject(knownParent: parent)), into: &string)
            case .list(let items, _)?:
                items.renderSection(with: template, context: context, into: &string) { MustacheStackObject(knownParent: $0) }
            case .other(let child)?:
                if let lambda = child as? MustacheLambda {
                    string += self.renderUnescapedLambda(lambda, parameter: template.text, context: context)
                    return
                }
                self.renderSection(child, with: template, context: context, into: &string)
            case nil:
                break
            }

        case .invertedSection(let variable, let transforms, let template):
            switch getValue(named: variable, transforms: transforms, context: context) {
            case .flag(let flag)?:
                if !flag { template.render(context: context, into: &string) }
            case .text?, .number?, .parent?:
                break
            case .list(let items, let list)?:
                if items.isEmpty { template.render(context: context.withObject(list), into: &string) }
            case .other(let child)?:
                self.renderInvertedSection(child, with: template, context: context, into: &string)
            case nil:
                template.render(context: context, into: &string)
            }

        case .blockExpansion(let name, let defaultTemplate, let indented):
            if let override = context.inherited?[name] {
                override.render(context: context.withBlockExpansion(indented: indented), into: &string)
            } else {
                defaultTemplate.render(context: context.withBlockExpansion(indented: indented), into: &string)
            }

        case .partial(let name, let indentation, let overrides):
            if var template = context.library?.getTemplate(named: name) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            string += "Cannot find template at \(filename)"
                            return
                        }
                        template = partialTemplate
                    } catch {
                        string += "\(error)"
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &string)
            }

        case .dynamicNamePartial(let name, let indentation, let overrides):
            let child = self.getChild(named: VariableName(name), transforms: [], context: context)
            guard let childName = child as? String else {
                return
            }
            if var template = context.library?.getTemplate(named: childName) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            string += "Cannot find template at \(filename)"
                            return
                        }
                        template = partialTemplate
                    } catch {
                        string += "\(error)"
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &string)
            }

        case .contentType(let contentType):
            context = context.withContentType(contentType)

        case .blockDefinition:
            fatalError("Should not be rendering block definitions")
        }
    }

    /// Render a section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    ///   - string: where the text goes, at its end
    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into string: inout String) {
        // AlmaKit: a `Bool`, the commonest section value, is tested first:
        // no sequence is a `Bool`, and this cast needs no conformance lookup.
        switch child {
        case let bool as Bool:
            if bool { template.render(context: context, into: &string) }
        case let array as any MustacheSequence:
            array.renderSection(with: template, context: context, into: &string)
        case let null as MustacheCustomRenderable where null.isNull == true:
            break
        case .some(let value):
            template.render(context: context.withObject(value), into: &string)
        case .none:
            break
        }
    }

    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext) -> String {
        var string = ""
        self.renderSection(child, with: template, context: context, into: &string)
        return string
    }

    /// Render an inverted section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderInvertedSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into string: inout String) {
        switch child {
        case let bool as Bool:
            if !bool { template.render(context: context, into: &string) }
        case let array as any MustacheSequence:
            array.renderInvertedSection(with: template, context: context, into: &string)
        case let null as MustacheCustomRenderable where null.isNull == true:
            template.render(context: context, into: &string)
        case .some:
            break
        case .none:
            template.render(context: context, into: &string)
        }
    }

    func renderLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: context.contentType.escapeText(string))
                    return self.renderSection(context.stack.last?.object, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(result)))
            }
        }
    }

    func renderUnescapedLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: string)
                    return self.renderSection(context.stack.last?.object, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return String(describing: unwrapIfAnyContainsOptional(result))
            }
        }
    }

    /// AlmaKit: `getChild` as a `MustacheValue`. A name without transforms
    /// climbs the stack asking each known parent for its typed value, and
    /// follows a dotted name down known parents the same way: no `Any` box
    /// and no cast for a text, number, flag or known parent. Every other
    /// name takes `getChild`; a value found as `Any` gets its case from
    /// `MustacheValue(found:)`.
    func getValue(named name: VariableName, transforms: [String], context: MustacheContext) -> MustacheValue? {
        guard transforms.isEmpty, name.lookup == .stack, let first = name.components.first else {
            return getChild(named: name, transforms: transforms, context: context).map(MustacheValue.init(found:))
        }
        guard var value = Self.value(named: first, in: context.stack) else { return nil }
        for (position, component) in name.components.enumerated().dropFirst() {
            guard case .parent(let parent) = value else {
                // Down anything else as `getChild` goes.
                let rest = name.components[position...]
                return Self.getChild(named: rest, from: value.any).flatMap(Self.represented).map(MustacheValue.init(found:))
            }
            guard let next = parent.value(named: component) else { return nil }
            value = next
        }
        guard case .other(let child) = value else { return value }
        return Self.represented(child).map(MustacheValue.init(found:))
    }

    /// The first object of the stack, from the top, with a value `name`.
    private static func value(named name: String, in stack: [MustacheStackObject]) -> MustacheValue? {
        var index = stack.endIndex
        while index > stack.startIndex {
            index -= 1
            if let parent = stack[index].knownParent {
                if let value = parent.value(named: name) { return value }
            } else if let child = getImmediateChild(named: name, fromUnknown: stack[index].object) {
                return .other(child)
            }
        }
        return nil
    }

    /// A found child through its custom representation, if it has one.
    private static func represented(_ child: Any) -> Any? {
        // AlmaKit: a text has no custom representation; the check that
        // shows it compares types, where the cast looks up a conformance.
        if !(child is MustacheText), let custom = child as? MustacheCustomRepresentation {
            return custom.representation
        }
        return child
    }

    /// Get child object from variable name
    ///
    /// AlmaKit: the name comes split on "." from the parser (`VariableName`),
    /// where it was split here at every lookup; the lookup is the same.
    func getChild(named name: VariableName, transforms: [String], context: MustacheContext) -> Any? {
        // work out which object to access. "." means the current object, if the variable name is ""
        // and we have a transform to run on the variable then we need the context object, otherwise
        // the name is split by "." and we use mirror to get the correct child object. If we cannot find
        // the root object we look up the context stack until we can find one with a matching name. The
        // stack climbing can be disabled by prefixing the variable name with a "."
        let child: Any?
        switch name.lookup {
        case .current:
            child = context.stack.last!.object
        case .empty where !transforms.isEmpty:
            child = context.sequenceContext
        case .anchored:
            child = Self.getChild(named: name.components[...], from: context.stack.last!)
        case .empty, .stack:
            child = Self.getChildInStack(named: name.components, from: context.stack)
        }

        // skip transforms if child is already nil
        guard var child = child.flatMap(Self.represented) else {
            return nil
        }

        // if we want to run a transform and the current child can have transforms applied to it then
        // run transform on the current child
        for transform in transforms.reversed() {
            if let runnable = child as? MustacheTransformable,
                let transformed = runnable.transform(transform)
            {
                child = transformed
                continue
            }

            // return nil if transform is unsuccessful or has returned nil
            return nil
        }
        return child
    }

    /// The child `name` of `object`: through its custom representation if it
    /// has one, then `MustacheParent`, else its stored property of that name.
    @inline(__always)
    static func getImmediateChild(named name: String, from object: Any) -> Any? {
        // AlmaKit: one cast for the contexts that declare they have no custom representation.
        if let parent = object as? MustacheKnownParent {
            return parent.child(named: name)
        }
        return getImmediateChild(named: name, fromUnknown: object)
    }

    /// `getImmediateChild(named:from:)` for an object known not to be a `MustacheKnownParent`.
    static func getImmediateChild(named name: String, fromUnknown object: Any) -> Any? {
        let object: Any? =
            if let custom = object as? MustacheCustomRepresentation {
                custom.representation
            } else {
                object
            }
        if let customBox = object as? MustacheParent {
            return customBox.child(named: name)
        } else if let object {
            let mirror = Mirror(reflecting: object)
            return mirror.getValue(forKey: name)
        } else {
            return nil
        }
    }

    /// `getImmediateChild(named:from:)` for an object of the stack, whose cast was done when it was pushed.
    @inline(__always)
    static func getImmediateChild(named name: String, from object: MustacheStackObject) -> Any? {
        if let parent = object.knownParent {
            return parent.child(named: name)
        }
        return getImmediateChild(named: name, fromUnknown: object.object)
    }

    /// Follows `names` down from `object`.
    static func getChild(named names: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for name in names {
            if let lambda = object as? MustacheLambda {
                guard let result = lambda("") else { return nil }
                object = result
            }
            guard let childObject = getImmediateChild(named: name, from: object) else { return nil }
            object = childObject
        }
        return object
    }

    /// Follows `names` down from an object of the stack. A known parent is
    /// no lambda, so its first step needs no further cast.
    static func getChild(named names: ArraySlice<String>, from object: MustacheStackObject) -> Any? {
        guard let parent = object.knownParent, let name = names.first else {
            return getChild(named: names, from: object.object)
        }
        guard let childObject = parent.child(named: name) else { return nil }
        return getChild(named: names.dropFirst(), from: childObject)
    }

    /// The first object of the stack, from the top, with a child `names[0]`; then the rest of `names` from there.
    static func getChildInStack(named names: [String], from stack: [MustacheStackObject]) -> Any? {
        guard let name = names.first else { return stack.last?.object }
        for object in stack.reversed() {
            if let childObject = getImmediateChild(named: name, from: object) {
                return getChild(named: names[1...], from: childObject)
            }
        }
        return nil
    }

    private func unwrapIfAnyContainsOptional(_ value: Any) -> Any {
        guard let opt = value as? AnyOptional else { return value }
        return opt.anyWrapped ?? value  // nil? keep the original Optional.none
    }
}

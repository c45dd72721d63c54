// Generated from docs/openapi.json by `npm run openapi`; do not edit.
export interface paths {
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password; sets the session cookie
         * @description A user with a second factor (or whose role requires one) gets a session whose `mfa.pending` says what to do next; until then other routes answer 403 with that code. Limited per client address and per account (429).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                display_name: string;
                                role: string;
                                role_label: string;
                                agency: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    kind: string;
                                    state_lgd_code: number | null;
                                    district_lgd_code: number | null;
                                };
                            };
                            csrf_token: string | null;
                            mfa: {
                                /** @description a TOTP second factor is set up */
                                enrolled: boolean;
                                /** @description the user's role must use a second factor */
                                required: boolean;
                                /** @description when this session last proved the second factor */
                                verified_at: string | null;
                                /** @description what this session must do before other routes answer (they give 403 with this code meanwhile) */
                                pending: ("mfa_required" | "mfa_setup_required") | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the state of the second factor in this session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                display_name: string;
                                role: string;
                                role_label: string;
                                agency: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    kind: string;
                                    state_lgd_code: number | null;
                                    district_lgd_code: number | null;
                                };
                            };
                            csrf_token: string | null;
                            mfa: {
                                /** @description a TOTP second factor is set up */
                                enrolled: boolean;
                                /** @description the user's role must use a second factor */
                                required: boolean;
                                /** @description when this session last proved the second factor */
                                verified_at: string | null;
                                /** @description what this session must do before other routes answer (they give 403 with this code meanwhile) */
                                pending: ("mfa_required" | "mfa_setup_required") | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's own password; ends every other session and API token of the user
         * @description At least 12 characters, at most 256, any characters; refused when common, or containing the email, the name or the service name (NIST SP 800-63B).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current_password: string;
                        new_password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked_sessions: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My live sessions and API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessions: {
                                id: string;
                                /** @enum {string} */
                                kind: "cookie" | "api";
                                /** @enum {string} */
                                method: "password" | "oidc" | "token";
                                label: string | null;
                                created_at: string;
                                last_seen_at: string;
                                expires_at: string | null;
                                client_address: string | null;
                                /** @description the browser it signed in from (User-Agent, at most 200 characters); null for API tokens */
                                user_agent: string | null;
                                mfa_verified_at: string | null;
                                current: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions or API tokens (another user’s is not found) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an API token for scripts (shown once)
         * @description Needs a browser session that proved its second factor in the last 15 minutes. Requests made with the token are not asked for a second factor, and cannot reveal victims’ identities.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                        /** @default 90 */
                        days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            token: string;
                            expires_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up TOTP: a new secret, its otpauth URI and a QR code (SVG)
         * @description Confirm with POST /api/v1/auth/mfa/confirm; until then the secret does not count.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            otpauth_uri: string;
                            qr_svg: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm TOTP set-up with a code; returns ten one-time recovery codes, shown only now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 6-digit code from the app, or a recovery code */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recovery_codes: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prove the second factor for this session (after sign-in, or again before a sensitive act)
         * @description A TOTP code (each code works once) or an unused recovery code. Wrong codes count towards the ten-failure lockout; limited per client address and per account (429).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 6-digit code from the app, or a recovery code */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            method: "totp" | "recovery_code";
                            recovery_codes_left: number;
                            mfa: {
                                /** @description a TOTP second factor is set up */
                                enrolled: boolean;
                                /** @description the user's role must use a second factor */
                                required: boolean;
                                /** @description when this session last proved the second factor */
                                verified_at: string | null;
                                /** @description what this session must do before other routes answer (they give 403 with this code meanwhile) */
                                pending: ("mfa_required" | "mfa_setup_required") | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New recovery codes for me (the old ones stop working); shown only now
         * @description Needs a browser session that proved its second factor in the last 15 minutes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recovery_codes: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether single sign-on is configured, and where to start it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            start_url: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start single sign-on: redirects the browser to the identity provider */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the identity provider sends the browser back; signs in and redirects to the web app
         * @description On success sets the session cookie and redirects to `/`; otherwise redirects to `/?sign_in_error=<reason>` (sso_failed, sso_email_unverified, sso_unknown_user, sso_account_locked, sso_subject_mismatch).
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/offences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Offence codes by act and section, with their legal source and verification tag */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                act: string;
                                section: string;
                                title: string;
                                child_specific: boolean;
                                demand_side: string;
                                equivalent: string | null;
                                tag: string;
                                source: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roles, what each may see (its scope) and do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                role: string;
                                label: string;
                                scope: string;
                                actions: string[];
                                /** @description A second factor is mandatory for this role */
                                mfa: boolean;
                                /** @description The role's field allow-list: fields of a case beyond its record fields, and the persons it sees by their role in the case with their fields beyond the record fields */
                                fields: {
                                    case: string[];
                                    persons: {
                                        [key: string]: string[];
                                    };
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** States and union territories (LGD codes) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                lgd_code: number;
                                name: string;
                                iso_code: string;
                                kind: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/districts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Districts (LGD codes), optionally of one state */
        get: {
            parameters: {
                query?: {
                    state_lgd_code?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                lgd_code: number;
                                state_lgd_code: number;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: ok when the database answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server version and whether this is a demo installation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: string;
                            demo: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the first system administrator with the one-time token printed at first start */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        /** Format: email */
                        email: string;
                        display_name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency directory */
        get: {
            parameters: {
                query?: {
                    kind?: "national" | "state" | "district" | "police_station" | "ahtu" | "cyber_cell" | "cid" | "cbi" | "cwc" | "dcpu" | "ngo" | "court" | "prosecution" | "oversight";
                    state_lgd_code?: number;
                    district_lgd_code?: number;
                    parent_id?: string;
                    q?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                code: string;
                                name: string;
                                kind: string;
                                parent_id: string | null;
                                state_lgd_code: number | null;
                                district_lgd_code: number | null;
                                contact_officer: string | null;
                                contact_phone: string | null;
                                contact_email: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add an agency below one you administer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** @enum {string} */
                        kind: "national" | "state" | "district" | "police_station" | "ahtu" | "cyber_cell" | "cid" | "cbi" | "cwc" | "dcpu" | "ngo" | "court" | "prosecution" | "oversight";
                        /** Format: uuid */
                        parent_id: string;
                        district_lgd_code?: number | null;
                        contact_officer?: string | null;
                        contact_phone?: string | null;
                        contact_email?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            name: string;
                            kind: string;
                            parent_id: string | null;
                            state_lgd_code: number | null;
                            district_lgd_code: number | null;
                            contact_officer: string | null;
                            contact_phone: string | null;
                            contact_email: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agency */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            name: string;
                            kind: string;
                            parent_id: string | null;
                            state_lgd_code: number | null;
                            district_lgd_code: number | null;
                            contact_officer: string | null;
                            contact_phone: string | null;
                            contact_email: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an agency's name or contact officer */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        contact_officer?: string | null;
                        contact_phone?: string | null;
                        contact_email?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            name: string;
                            kind: string;
                            parent_id: string | null;
                            state_lgd_code: number | null;
                            district_lgd_code: number | null;
                            contact_officer: string | null;
                            contact_phone: string | null;
                            contact_email: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases your agency may see, newest first, with filters and cursor pagination */
        get: {
            parameters: {
                query?: {
                    /** @description Free text: FIR number, GD entry, place, station, names of accused, buyers and others (never victims'), or an identifier in any spelling */
                    q?: string;
                    status?: "registered" | "under_investigation" | "charge_sheeted" | "final_report" | "in_trial" | "convicted" | "acquitted" | "transferred" | "closed";
                    offence?: string;
                    agency_id?: string;
                    state_lgd_code?: number;
                    district_lgd_code?: number;
                    /** @description With q: also match names of accused, buyers and others, for this stated purpose (audited) */
                    purpose?: string;
                    registered_from?: string;
                    registered_to?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CaseSummary"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register a case with its offences, persons and identifiers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewCaseInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its persons and identifiers (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a case; send the version you read (409 if it changed since) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        external_id?: string | null;
                        fir_number?: string | null;
                        /** @enum {string} */
                        fir_kind?: "fir" | "zero_fir" | "e_fir";
                        gd_entry?: string | null;
                        /** Format: date-time */
                        registered_at?: string;
                        occurred_from?: string | null;
                        occurred_to?: string | null;
                        place?: string | null;
                        pincode?: string | null;
                        district_lgd_code?: number | null;
                        /** @enum {string} */
                        status?: "registered" | "under_investigation" | "charge_sheeted" | "final_report" | "in_trial" | "convicted" | "acquitted" | "transferred" | "closed";
                        /** @enum {string} */
                        procedure_code?: "CrPC" | "BNSS";
                        summary?: string | null;
                        offences?: string[];
                        /** @enum {string} */
                        distribution?: "agency" | "district" | "state" | "national" | "group";
                        /** @description With distribution `group`: the sharing group the case is shared with */
                        sharing_group_id?: string | null;
                        version: number;
                        /** @description The investigating officer: a user of the agency that owns the case (station house officer or supervisor only) */
                        assigned_to?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cases/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer a case to the agency with jurisdiction (zero FIR): it gets a copy, you keep yours read-only; needs the children’s and guardians’ consent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The agency with jurisdiction: a police station, AHTU, cyber cell, CID or CBI
                         */
                        to_agency_id: string;
                        reason: string;
                        consent_override_reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CaseTransfer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Persons in cases your agency may see; a name search (q) is audited */
        get: {
            parameters: {
                query?: {
                    case_id?: string;
                    role?: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                    q?: string;
                    /** @description Required with q: why you search for this person (audited) */
                    purpose?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Person"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a person (victim, accused, buyer, …) to a case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewPersonInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person with identifiers (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a person; send the version you read */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        external_id?: string | null;
                        /** @enum {string} */
                        role?: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                        full_name?: string;
                        aliases?: string[];
                        relation_kind?: ("s/o" | "d/o" | "w/o" | "c/o") | null;
                        relation_name?: string | null;
                        gender?: ("female" | "male" | "transgender" | "unknown") | null;
                        birth_date?: string | null;
                        age?: number | null;
                        age_recorded_on?: string | null;
                        address?: string | null;
                        pincode?: string | null;
                        district_lgd_code?: number | null;
                        notes?: string | null;
                        /** @enum {string} */
                        distribution?: "agency" | "district" | "state" | "national" | "group";
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/identifiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Identifiers your agency may see; search by kind and value (any spelling) */
        get: {
            parameters: {
                query?: {
                    kind?: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                    value?: string;
                    case_id?: string;
                    person_id?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Identifier"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/identifiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an identifier to a case, or to one of its persons */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                        value: string;
                        external_id?: string | null;
                        person_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Identifier"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/identifiers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One identifier */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Identifier"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Correct an identifier value */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Identifier"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/grid/extract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find identifiers (phones, UPI ids, vehicles …) in free text */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                                value: string;
                                normalised: string;
                                start: number;
                                end: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events in your scope, newest first (by your agencies’ users, or about their records) */
        get: {
            parameters: {
                query?: {
                    user_id?: string;
                    /** @description the acting user’s agency */
                    agency_id?: string;
                    record_id?: string;
                    record_kind?: string;
                    /** @description an action (person.read), or every action with a prefix (person.) */
                    action?: string;
                    /** @description events at or after this time */
                    from?: string;
                    /** @description events before this time */
                    to?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEvent"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/records/{kind}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who saw this record, when and why: its reads, reveals and exports, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    kind: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEvent"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What this user looked at and did, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditUserActivity"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal a victim's or child witness's identity: permitted role, stated purpose, second factor in this session; logged */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        purpose: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            person_id: string;
                            pseudonym: string;
                            full_name: string;
                            aliases: string[];
                            relation_name: string | null;
                            birth_date: string | null;
                            age: number | null;
                            address: string | null;
                            pincode: string | null;
                            notes: string | null;
                            identifiers: {
                                id: string;
                                kind: string;
                                value: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/reveals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who revealed this person's identity, when and why (for the owning agency) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                at: string;
                                user_id: string | null;
                                user_name: string | null;
                                agency: string | null;
                                role: string | null;
                                purpose: string | null;
                                client_address: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/identifier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who else knows this phone, UPI id, vehicle…: links to records you read, hits for the others */
        get: {
            parameters: {
                query: {
                    kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                    value: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                case_id: string;
                                fir_number: string | null;
                                agency: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    kind: string;
                                    contact_officer: string | null;
                                    contact_phone: string | null;
                                    contact_email: string | null;
                                };
                                match: {
                                    kind: string;
                                    on: string;
                                };
                            }[];
                            hits: components["schemas"]["Hit"][];
                            too_common: components["schemas"]["TooCommon"][];
                            warning_listed: components["schemas"]["WarningListed"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Other agencies' records sharing an identifier with this case: links you may read, hits you may not */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            links: {
                                case_id: string;
                                fir_number: string | null;
                                agency: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    kind: string;
                                    contact_officer: string | null;
                                    contact_phone: string | null;
                                    contact_email: string | null;
                                };
                                match: {
                                    kind: string;
                                    on: string;
                                };
                            }[];
                            hits: components["schemas"]["Hit"][];
                            too_common: components["schemas"]["TooCommon"][];
                            warning_listed: components["schemas"]["WarningListed"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disclosures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Disclosure requests to your agency (inbox) or from it (outbox) */
        get: {
            parameters: {
                query?: {
                    box?: "inbox" | "outbox";
                    status?: "pending" | "approved" | "refused" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Disclosure"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Ask the owning agency to disclose a case you saw as a hit, with your purpose and case reference */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        record_kind: "case";
                        /** Format: uuid */
                        record_id: string;
                        purpose: string;
                        /** @description Your case this request is for, e.g. FIR 12/2025 */
                        case_reference: string;
                        fields?: ("summary" | "persons" | "identifiers")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Disclosure"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disclosures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One disclosure request or referral: for the owning side (deciders) or the requesting side; 404 otherwise */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Disclosure"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disclosures/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (with field groups and an expiry) or refuse (with a reason) a request for your record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "approve" | "refuse";
                        reason?: string;
                        fields?: ("summary" | "persons" | "identifiers")[];
                        /** Format: date-time */
                        expires_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Disclosure"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disclosures/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw your request (or give back a grant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Disclosure"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refer a case to another agency (CWC, DCPU, court); needs the children's and guardians' consent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        to_agency_id: string;
                        purpose: string;
                        fields?: ("summary" | "persons" | "identifiers")[];
                        /** Format: date-time */
                        expires_at?: string;
                        consent_override_reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Disclosure"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/persons/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consents recorded for a child */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                person_id: string;
                                given_by: string;
                                purpose: string;
                                to_agency_id: string | null;
                                recorded_at: string;
                                withdrawn_at: string | null;
                                notes: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record a child's or guardian's consent to a referral or transfer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        given_by: "child" | "guardian";
                        /** @enum {string} */
                        purpose: "referral" | "transfer";
                        to_agency_id?: string | null;
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            person_id: string;
                            given_by: string;
                            purpose: string;
                            to_agency_id: string | null;
                            recorded_at: string;
                            withdrawn_at: string | null;
                            notes: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your agency's notifications (requests received, decisions, referrals) */
        get: {
            parameters: {
                query?: {
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: string;
                                subject_kind: string | null;
                                subject_id: string | null;
                                message: string;
                                created_at: string;
                                read_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your agency's unread notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sharing-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sharing groups your agency belongs to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["SharingGroup"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a sharing group (your agency owns it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        /** @default [] */
                        member_agency_ids?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sharing-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sharing group (members only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sharing-groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an agency to a group your agency owns */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        agency_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sharing-groups/{id}/members/{agency_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an agency from a group your agency owns */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    agency_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SharingGroup"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Thresholds above which a value is too common to link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GridSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the thresholds (system administrators) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        common_value_cases?: number;
                        common_value_agencies?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GridSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/grid/warning-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Values that never correlate: national entries and your agency's */
        get: {
            parameters: {
                query?: {
                    kind?: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                    scope?: "national" | "agency";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WarningListEntry"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a value that must never correlate: national (system administrators) or your agency's records (agency administrators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                        value: string;
                        reason: string;
                        /**
                         * @description national: no record anywhere correlates on the value (system administrators); agency: your records
                         * @default agency
                         * @enum {string}
                         */
                        scope?: "national" | "agency";
                        /**
                         * Format: uuid
                         * @description For an agency entry: the agency whose records it covers (default: yours; one in your scope)
                         */
                        agency_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WarningListEntry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/warning-list/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a warning-list entry (the value correlates again) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/watches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Identifiers you watch */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Watch"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Watch an identifier: be alerted whenever it appears in a new record or import */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description With value: watch an identifier
                         * @enum {string}
                         */
                        kind?: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "address";
                        value?: string;
                        /**
                         * Format: uuid
                         * @description Or watch a canonical person profile
                         */
                        profile_id?: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Watch"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/watches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop watching */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deconfliction and re-trafficking alerts for your agency, and your watches' alerts: whom to contact */
        get: {
            parameters: {
                query?: {
                    kind?: "deconfliction" | "watchlist" | "re_trafficking";
                    /** @description true: only the unread alerts addressed to you (your agency’s and your watches’) */
                    unread?: "true" | "false";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GridAlertList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/alerts/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all unread alerts addressed to you read (your agency’s and your watches’; of one kind, if given) */
        post: {
            parameters: {
                query?: {
                    kind?: "deconfliction" | "watchlist" | "re_trafficking";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/alerts/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an alert read for your agency (or, a watch alert, for you); its notification is read with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users of the agencies you administer (oversight auditors: of their scope, read-only); search by name or email, filter by agency, role, locked, disabled */
        get: {
            parameters: {
                query?: {
                    agency_id?: string;
                    role?: "investigating_officer" | "constable" | "station_house_officer" | "district_supervisor" | "state_analyst" | "national_analyst" | "cwc_member" | "dcpu_officer" | "ngo_caseworker" | "prosecutor" | "oversight_auditor" | "agency_admin" | "system_admin";
                    /** @description part of the name or email */
                    q?: string;
                    /** @description true: only accounts locked after ten failures; false: only the others */
                    locked?: "true" | "false";
                    /** @description true: only disabled accounts; false: only active ones */
                    disabled?: "true" | "false";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminUser"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a user to an agency you administer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        agency_id: string;
                        /** @enum {string} */
                        role: "investigating_officer" | "constable" | "station_house_officer" | "district_supervisor" | "state_analyst" | "national_analyst" | "cwc_member" | "dcpu_officer" | "ngo_caseworker" | "prosecutor" | "oversight_auditor" | "agency_admin" | "system_admin";
                        /** Format: email */
                        email: string;
                        display_name: string;
                        /** @description Initial password; the user changes it after signing in */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminUser"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (administrators; oversight auditors read-only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminUser"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's name or role, or disable the account (ends its sessions) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        display_name?: string;
                        /** @enum {string} */
                        role?: "investigating_officer" | "constable" | "station_house_officer" | "district_supervisor" | "state_analyst" | "national_analyst" | "cwc_member" | "dcpu_officer" | "ngo_caseworker" | "prosecutor" | "oversight_auditor" | "agency_admin" | "system_admin";
                        disabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminUser"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock an account locked after ten failed sign-ins */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminUser"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reset-mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a user's second factor (lost phone); the next sign-in sets up a new one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminUser"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history-sheet-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history-sheet rules of your state (categories, minimum rank, review interval, source) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                state_lgd_code: number | null;
                                category: string;
                                label: string;
                                /** @enum {string} */
                                min_rank: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                                /** @enum {string} */
                                reasons_required: "always" | "if_never_convicted";
                                review_months: number | null;
                                /** @enum {string} */
                                tag: "V" | "S" | "U";
                                source: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history-sheet-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set a rule’s minimum rank or review interval (system administrators; cite the source) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Rules differ by state and some are unverified (tag U): administrators set them, citing the source */
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        min_rank?: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                        review_months?: number | null;
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            state_lgd_code: number | null;
                            category: string;
                            label: string;
                            /** @enum {string} */
                            min_rank: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                            /** @enum {string} */
                            reasons_required: "always" | "if_never_convicted";
                            review_months: number | null;
                            /** @enum {string} */
                            tag: "V" | "S" | "U";
                            source: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/history-sheets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The register: sheets of your scope and of your state (every access is audited) */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "closed";
                    /** @description Only open sheets whose review falls on or before this date */
                    review_due_by?: string;
                    profile_id?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                agency_id: string;
                                agency_name: string;
                                number: number;
                                /** Format: uuid */
                                profile_id: string;
                                /** Format: uuid */
                                person_id: string;
                                /** Format: uuid */
                                person_agency_id: string;
                                /** @description The name on the person record the sheet was opened from */
                                person_name: string;
                                rule_id: string;
                                rule_label: string;
                                convicted: boolean;
                                ordered_by_name: string;
                                /** @enum {string} */
                                ordered_by_rank: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                                opened_on: string;
                                review_due_on: string | null;
                                /** @enum {string} */
                                status: "open" | "closed";
                                closed_on: string | null;
                                closure_reason: string | null;
                                version: number;
                                /** @description Only in the single-sheet read, which is audited */
                                grounds?: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Open a history sheet on a person (rank, reasons and the no-children rule are checked) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A person record you may read (an accused, trafficker or buyer)
                         */
                        person_id: string;
                        /** @description A rule of your state (GET /api/v1/history-sheet-rules) */
                        rule_id: string;
                        grounds: string;
                        /** @description Whether the person was ever convicted (or bound over for good behaviour) */
                        convicted: boolean;
                        ordered_by_name: string;
                        /**
                         * @description Rank of the ordering officer; the rule sets the minimum
                         * @enum {string}
                         */
                        ordered_by_rank: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                        /** Format: date */
                        opened_on: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            agency_id: string;
                            agency_name: string;
                            number: number;
                            /** Format: uuid */
                            profile_id: string;
                            /** Format: uuid */
                            person_id: string;
                            /** Format: uuid */
                            person_agency_id: string;
                            /** @description The name on the person record the sheet was opened from */
                            person_name: string;
                            rule_id: string;
                            rule_label: string;
                            convicted: boolean;
                            ordered_by_name: string;
                            /** @enum {string} */
                            ordered_by_rank: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                            opened_on: string;
                            review_due_on: string | null;
                            /** @enum {string} */
                            status: "open" | "closed";
                            closed_on: string | null;
                            closure_reason: string | null;
                            version: number;
                            /** @description Only in the single-sheet read, which is audited */
                            grounds?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history-sheets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sheet with its confidential grounds (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            agency_id: string;
                            agency_name: string;
                            number: number;
                            /** Format: uuid */
                            profile_id: string;
                            /** Format: uuid */
                            person_id: string;
                            /** Format: uuid */
                            person_agency_id: string;
                            /** @description The name on the person record the sheet was opened from */
                            person_name: string;
                            rule_id: string;
                            rule_label: string;
                            convicted: boolean;
                            ordered_by_name: string;
                            /** @enum {string} */
                            ordered_by_rank: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                            opened_on: string;
                            review_due_on: string | null;
                            /** @enum {string} */
                            status: "open" | "closed";
                            closed_on: string | null;
                            closure_reason: string | null;
                            version: number;
                            /** @description Only in the single-sheet read, which is audited */
                            grounds?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history-sheets/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a periodic review and set the next review date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** Format: date */
                        reviewed_on: string;
                        /**
                         * Format: date
                         * @description Defaults to reviewed_on plus the rule’s review interval
                         */
                        next_review_on?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            agency_id: string;
                            agency_name: string;
                            number: number;
                            /** Format: uuid */
                            profile_id: string;
                            /** Format: uuid */
                            person_id: string;
                            /** Format: uuid */
                            person_agency_id: string;
                            /** @description The name on the person record the sheet was opened from */
                            person_name: string;
                            rule_id: string;
                            rule_label: string;
                            convicted: boolean;
                            ordered_by_name: string;
                            /** @enum {string} */
                            ordered_by_rank: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                            opened_on: string;
                            review_due_on: string | null;
                            /** @enum {string} */
                            status: "open" | "closed";
                            closed_on: string | null;
                            closure_reason: string | null;
                            version: number;
                            /** @description Only in the single-sheet read, which is audited */
                            grounds?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history-sheets/{id}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a sheet with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** Format: date */
                        closed_on: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            agency_id: string;
                            agency_name: string;
                            number: number;
                            /** Format: uuid */
                            profile_id: string;
                            /** Format: uuid */
                            person_id: string;
                            /** Format: uuid */
                            person_agency_id: string;
                            /** @description The name on the person record the sheet was opened from */
                            person_name: string;
                            rule_id: string;
                            rule_label: string;
                            convicted: boolean;
                            ordered_by_name: string;
                            /** @enum {string} */
                            ordered_by_rank: "constable" | "head_constable" | "asi" | "si" | "inspector" | "dsp" | "addl_sp" | "sp" | "ssp" | "dig" | "ig" | "adgp" | "dgp";
                            opened_on: string;
                            review_due_on: string | null;
                            /** @enum {string} */
                            status: "open" | "closed";
                            closed_on: string | null;
                            closure_reason: string | null;
                            version: number;
                            /** @description Only in the single-sheet read, which is audited */
                            grounds?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Screen a person and/or identifiers against every agency: ranked candidates with explanations, hits for what you may not read (audited; states a purpose) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Any spelling, any order, with or without honorifics or initials */
                        full_name?: string;
                        /** @description Other names the person goes by ("Kalia" in "Ramesh @ Kalia", urf, alias) */
                        aliases?: string[];
                        /** @description Father’s, husband’s or guardian’s name (s/o, d/o, w/o, c/o) */
                        relation_name?: string;
                        /** @enum {string} */
                        gender?: "female" | "male" | "transgender" | "unknown";
                        /** Format: date */
                        birth_date?: string;
                        /** @description Age as stated today, when the birth date is unknown */
                        age?: number;
                        /** @description A 6-digit PIN code, or an address or locality */
                        place?: string;
                        identifiers?: {
                            /** @enum {string} */
                            kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                            value: string;
                        }[];
                        purpose: string;
                        /** @default 20 */
                        limit?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            persons: components["schemas"]["PersonCandidate"][];
                            identifiers: {
                                links: {
                                    case_id: string;
                                    fir_number: string | null;
                                    agency: {
                                        id: string;
                                        code: string;
                                        name: string;
                                        kind: string;
                                        contact_officer: string | null;
                                        contact_phone: string | null;
                                        contact_email: string | null;
                                    };
                                    match: {
                                        kind: string;
                                        on: string;
                                    };
                                }[];
                                hits: components["schemas"]["Hit"][];
                                too_common: components["schemas"]["TooCommon"][];
                                warning_listed: components["schemas"]["WarningListed"][];
                            };
                            /** @description Every part of the name is so common that a name alone finds no candidates: add more */
                            name_too_common: boolean;
                            model_version: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue: person pairs the model could not decide, whose both records you may read (audited) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "confirmed" | "rejected" | "unsure";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MatchReview"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/grid/reviews/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm (link into one profile), reject, or mark a pair unsure; a confirmation a rejected pair holds apart is refused (409) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "confirmed" | "rejected" | "unsure";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MatchReview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A canonical person: every record of them you may read, hits for the rest, flags, history sheets and a link-analysis network (audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonProfile"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history of a profile’s links: links, merges and unlinks of the records you may read, newest first, with method, score, model version, reviewer and reason (audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProfileEvents"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/members/{person_id}/unlink": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a record you may read out of a profile (an officer found the link wrong), with a reason: it gets a profile of its own with its transfer copies, and a rejected pair keeps automatic linking from joining it again (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    person_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProfileUnlink"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tips of your scope, newest first: metadata and identifier counts, no text */
        get: {
            parameters: {
                query?: {
                    source?: "public" | "platform_report" | "helpline_1098" | "informant" | "other";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["TipSummary"][];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record a tip (police officers): its text is encrypted, its identifiers found and watched like a case’s */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewTipInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TipSummary"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tips/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tip with its text and identifiers, and what the grid knows of each (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Tip"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorInput: {
            error: {
                code: string;
                message: string;
                issues?: {
                    field: string;
                    message: string;
                }[];
            };
        };
        NewIdentifierInput: {
            /** @enum {string} */
            kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
            value: string;
            external_id?: string | null;
        };
        NewPersonInput: {
            external_id?: string | null;
            /** @enum {string} */
            role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
            full_name: string;
            aliases?: string[];
            relation_kind?: ("s/o" | "d/o" | "w/o" | "c/o") | null;
            relation_name?: string | null;
            gender?: ("female" | "male" | "transgender" | "unknown") | null;
            birth_date?: string | null;
            age?: number | null;
            age_recorded_on?: string | null;
            address?: string | null;
            pincode?: string | null;
            district_lgd_code?: number | null;
            notes?: string | null;
            /** @enum {string} */
            distribution?: "agency" | "district" | "state" | "national" | "group";
            identifiers?: components["schemas"]["NewIdentifierInput"][];
        };
        NewCaseInput: {
            external_id?: string | null;
            fir_number?: string | null;
            /** @enum {string} */
            fir_kind?: "fir" | "zero_fir" | "e_fir";
            gd_entry?: string | null;
            /** Format: date-time */
            registered_at: string;
            occurred_from?: string | null;
            occurred_to?: string | null;
            place?: string | null;
            pincode?: string | null;
            district_lgd_code?: number | null;
            /** @enum {string} */
            status?: "registered" | "under_investigation" | "charge_sheeted" | "final_report" | "in_trial" | "convicted" | "acquitted" | "transferred" | "closed";
            /** @enum {string} */
            procedure_code: "CrPC" | "BNSS";
            summary?: string | null;
            offences?: string[];
            /** @enum {string} */
            distribution?: "agency" | "district" | "state" | "national" | "group";
            /** @description With distribution `group`: the sharing group the case is shared with */
            sharing_group_id?: string | null;
            persons?: components["schemas"]["NewPersonInput"][];
            identifiers?: components["schemas"]["NewIdentifierInput"][];
        };
        IdentifierInput: {
            id: string;
            agency_id: string;
            case_id: string;
            person_id: string | null;
            external_id: string | null;
            kind: string;
            value: string;
            normalised: string;
            protected: boolean;
            distribution: string;
            created_at: string;
        };
        PersonInput: {
            id: string;
            agency_id: string;
            case_id: string;
            /** @description Left out when your role may not read it */
            external_id?: string | null;
            role: string;
            full_name: string;
            /** @description Left out when your role may not read it */
            aliases?: string[];
            /** @description Left out when your role may not read it */
            relation_kind?: string | null;
            /** @description Left out when your role may not read it */
            relation_name?: string | null;
            gender: string | null;
            /** @description Left out when your role may not read it */
            birth_date?: string | null;
            /** @description Left out when your role may not read it */
            age?: number | null;
            age_band: string | null;
            /** @description Left out when your role may not read it */
            age_recorded_on?: string | null;
            /** @description A victim or child witness: names and identifying fields are shown only through a logged reveal */
            protected: boolean;
            /** @description Left out when your role may not read it */
            address?: string | null;
            /** @description Left out when your role may not read it */
            pincode?: string | null;
            /** @description Left out when your role may not read it */
            district_lgd_code?: number | null;
            /** @description Left out when your role may not read it */
            notes?: string | null;
            distribution: string;
            /** @description The canonical person profile this record belongs to (on case and person reads); null when none */
            profile_id?: string | null;
            version: number;
            created_at: string;
            updated_at: string;
            /** @description On a case or person read, when your role may read this person’s identifiers */
            identifiers?: components["schemas"]["IdentifierInput"][];
        };
        CaseSummaryInput: {
            id: string;
            agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
            };
            /** @description Left out when your role may not read it */
            external_id?: string | null;
            fir_number: string | null;
            fir_kind: string;
            registered_at: string;
            /** @description Left out when your role may not read it */
            place?: string | null;
            /** @description Left out when your role may not read it */
            pincode?: string | null;
            state_lgd_code: number | null;
            district_lgd_code: number | null;
            district_name: string | null;
            status: string;
            procedure_code: string;
            offences: string[];
            distribution: string;
            /** @description Left out when your role may not read it */
            sharing_group_id?: string | null;
            /**
             * @description own: your agency or below; shared: its distribution reaches you; disclosed: granted to you on request
             * @enum {string}
             */
            access: "own" | "shared" | "disclosed";
            /** @description Persons by role in the case, of the roles your role may see */
            person_counts: {
                [key: string]: number;
            };
            updated_at: string;
            version: number;
        };
        CaseTransferTraceInput: {
            /**
             * @description out: this agency sent the case (this is its read-only trace); in: this is the copy it received
             * @enum {string}
             */
            direction: "in" | "out";
            agency: {
                id: string;
                code: string;
                name: string;
            };
            /** @description The case at the other end (the copy, or the case it was copied from) */
            case_id: string;
            /** @description The sending station’s FIR number (on the copy) */
            fir_number: string | null;
            reason: string;
            consent_override_reason: string | null;
            transferred_at: string;
        };
        CaseInput: {
            id: string;
            agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
            };
            /** @description Left out when your role may not read it */
            external_id?: string | null;
            fir_number: string | null;
            fir_kind: string;
            registered_at: string;
            /** @description Left out when your role may not read it */
            place?: string | null;
            /** @description Left out when your role may not read it */
            pincode?: string | null;
            state_lgd_code: number | null;
            district_lgd_code: number | null;
            district_name: string | null;
            status: string;
            procedure_code: string;
            offences: string[];
            distribution: string;
            /** @description Left out when your role may not read it */
            sharing_group_id?: string | null;
            /**
             * @description own: your agency or below; shared: its distribution reaches you; disclosed: granted to you on request
             * @enum {string}
             */
            access: "own" | "shared" | "disclosed";
            /** @description Persons by role in the case, of the roles your role may see */
            person_counts: {
                [key: string]: number;
            };
            updated_at: string;
            version: number;
            /** @description Left out when your role may not read it */
            gd_entry?: string | null;
            /** @description Left out when your role may not read it */
            occurred_from?: string | null;
            /** @description Left out when your role may not read it */
            occurred_to?: string | null;
            /** @description Left out when your role may not read it */
            summary?: string | null;
            created_at: string;
            /** @description Left out when your role may not read it */
            created_by?: string | null;
            /** @description The investigating officer (user id) */
            assigned_to?: string | null;
            /** @description Left out when your role may not read it */
            transfer?: components["schemas"]["CaseTransferTraceInput"] | null;
            /** @description Left out when your role may not read it */
            persons?: components["schemas"]["PersonInput"][];
            /** @description Identifiers on the case itself (not on a person); left out when your role may not read them */
            identifiers?: components["schemas"]["IdentifierInput"][];
        };
        AuditEventInput: {
            id: string;
            /** @description UTC, with microseconds */
            occurred_at: string;
            /** @description position in the acting agency’s hash chain */
            seq: number;
            action: string;
            /** @description the purpose the user stated */
            purpose: string | null;
            role: string | null;
            client_address: string | null;
            user: {
                id: string;
                email: string;
                display_name: string;
            } | null;
            agency: {
                id: string;
                code: string;
                name: string;
            } | null;
            record: {
                kind: string;
                id: string | null;
                agency_id: string | null;
            } | null;
            detail: {
                [key: string]: unknown;
            } | null;
        };
        AuditUserActivityInput: {
            user: {
                id: string;
                email: string;
                display_name: string;
                role: string;
                agency: {
                    id: string;
                    code: string;
                    name: string;
                };
            };
            items: components["schemas"]["AuditEventInput"][];
            next_cursor: string | null;
        };
        /** @description A value held by more cases or agencies than the thresholds: flagged, not linked (it would link everything) */
        TooCommonInput: {
            kind: string;
            /** @description The case's own identifiers with this value (empty for a search) */
            identifier_ids: string[];
            /** @description Cases holding the value, counted up to just past the threshold */
            cases: number;
            agencies: number;
            threshold: {
                cases: number;
                agencies: number;
            };
        };
        /** @description A value on the warning list (a helpline, a placeholder, an agency number): never correlated */
        WarningListedInput: {
            kind: string;
            identifier_ids: string[];
            reason: string;
            /** @enum {string} */
            scope: "national" | "agency";
        };
        DisclosureInput: {
            id: string;
            /** @enum {string} */
            kind: "request" | "referral";
            record_kind: string;
            record_id: string;
            /** @description The case’s FIR number, only when you may read the case (the owner, or an approved grant) */
            fir_number: string | null;
            owner: {
                id: string;
                code: string;
                name: string;
                kind: string;
                contact_officer: string | null;
                contact_phone: string | null;
                contact_email: string | null;
            };
            requester: {
                id: string;
                code: string;
                name: string;
                kind: string;
                contact_officer: string | null;
                contact_phone: string | null;
                contact_email: string | null;
            };
            /** @description Who asked (for a referral: who referred); name and role, never the email */
            requested_by: {
                id: string;
                display_name: string;
                role: string;
                role_label: string;
            } | null;
            purpose: string;
            case_reference: string | null;
            fields_requested: string[];
            status: string;
            fields_granted: string[];
            expires_at: string | null;
            decided_at: string | null;
            decision_reason: string | null;
            consent_override_reason: string | null;
            created_at: string;
        };
        /** @description A record you may not read matched: that it exists, how, and whom to contact */
        HitInput: {
            /** @constant */
            record_kind: "case";
            record_id: string;
            match: {
                kind: string;
                on: string;
            };
            /** @enum {string} */
            strength: "exact";
            agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
                contact_officer: string | null;
                contact_phone: string | null;
                contact_email: string | null;
            };
            disclosure_status: string | null;
            /** @description Your latest request for this record, if any (to follow or withdraw it) */
            disclosure_id: string | null;
        };
        SharingGroupInput: {
            id: string;
            name: string;
            description: string | null;
            owner_agency_id: string;
            members: {
                id: string;
                code: string;
                name: string;
            }[];
            created_at: string;
        };
        CaseTransferInput: {
            id: string;
            /** @description Your case, now kept read-only with status `transferred` */
            case_id: string;
            to_agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
            };
            /** @description The receiving agency's copy (its record; you cannot read it) */
            to_case_id: string;
            reason: string;
            consent_override_reason: string | null;
            transferred_at: string;
        };
        GridSettingsInput: {
            /** @description A value held by more cases than this is flagged, not linked */
            common_value_cases: number;
            /** @description … or by more agencies than this */
            common_value_agencies: number;
        };
        WarningListEntryInput: {
            id: string;
            /** @enum {string} */
            scope: "national" | "agency";
            agency: {
                id: string;
                code: string;
                name: string;
            } | null;
            kind: string;
            value: string;
            normalised: string;
            reason: string;
            created_at: string;
        };
        WatchInput: {
            id: string;
            kind: string | null;
            value: string | null;
            normalised: string | null;
            profile_id: string | null;
            reason: string;
            created_at: string;
        };
        /** @description Deconfliction, re-trafficking or watchlist alert: whom to contact, and the other record's content only if you may read it */
        GridAlertInput: {
            id: string;
            /** @enum {string} */
            kind: "deconfliction" | "watchlist" | "re_trafficking";
            match: {
                kind: string;
                on: string;
            };
            /** @description Your side: your case (deconfliction) or the child’s case (re-trafficking), when you read it */
            case: {
                case_id: string;
                fir_number: string | null;
            } | null;
            /** @description Re-trafficking: the child, by pseudonym */
            child: {
                person_id: string;
                pseudonym: string;
            } | null;
            other: {
                agency: {
                    id: string;
                    code: string;
                    name: string;
                    kind: string;
                    contact_officer: string | null;
                    contact_phone: string | null;
                    contact_email: string | null;
                };
                /**
                 * @description What matched: a case, or (a watch alert) a tip another officer recorded
                 * @enum {string}
                 */
                record_kind: "case" | "tip";
                /** @description The matching case (ask its agency to disclose it if you may not read it) or tip (call its agency) */
                record_id: string;
                /** @description Whether you may read the case or tip */
                readable: boolean;
                /** @description Only when you may read the case */
                fir_number: string | null;
                disclosure_status: string | null;
                disclosure_id: string | null;
            };
            watch: {
                id: string;
                kind: string | null;
                value: string | null;
            } | null;
            /** @description Your agency’s alert or your watch’s: you mark it read. A supervisor also sees the alerts of the agencies below it, and their read state, but does not mark them read */
            addressed_to_you: boolean;
            /** @description When the recipient (the agency, or for a watch alert the watcher) marked it read */
            read_at: string | null;
            created_at: string;
        };
        GridAlertListInput: {
            items: components["schemas"]["GridAlertInput"][];
            /** @description How many alerts addressed to you (of the kind asked for, if any) are unread, however many are listed */
            unread: number;
        };
        PersonCandidateInput: {
            /** @description Match weight in bits (≥ 8: same person; 2–8: worth a review) */
            score: number;
            probability: number;
            /** @enum {string} */
            band: "match" | "review";
            via: ("name" | "identifier")[];
            /** @enum {string} */
            access: "link" | "hit";
            /** Format: uuid */
            case_id: string;
            agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
                contact_officer: string | null;
                contact_phone: string | null;
                contact_email: string | null;
            };
            /** @description Only for records you may read */
            person: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                /** @description A pseudonym for a victim or child witness */
                full_name: string;
                gender: string | null;
                age: number | null;
                profile_id: string | null;
            } | null;
            /** @description Which fields agreed and how much (only for records you may read) */
            explanation: {
                field: string;
                level: string;
                /** @description Bits of evidence: positive for agreement, negative for disagreement */
                weight: number;
            }[] | null;
        };
        MatchReviewInput: {
            /** Format: uuid */
            id: string;
            /** @description Match weight in bits; null for a pair rejected by unlinking a record (no model scored it) */
            score: number | null;
            /** @enum {string} */
            status: "pending" | "confirmed" | "rejected" | "unsure";
            /**
             * @description `model`: queued by the model; `unlink`: rejected when an officer took a record out of a profile
             * @enum {string}
             */
            origin: "model" | "unlink";
            explanation: {
                field: string;
                level: string;
                /** @description Bits of evidence: positive for agreement, negative for disagreement */
                weight: number;
            }[];
            model_version: string | null;
            note: string | null;
            reviewed_at: string | null;
            a: {
                /** Format: uuid */
                person_id: string;
                /** Format: uuid */
                case_id: string;
                agency: {
                    id: string;
                    code: string;
                    name: string;
                    kind: string;
                    contact_officer: string | null;
                    contact_phone: string | null;
                    contact_email: string | null;
                };
                /** @description A pseudonym for a victim or child witness */
                full_name: string;
                /** @enum {string} */
                role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                gender: string | null;
                age: number | null;
                relation_name: string | null;
                profile_id: string | null;
            };
            b: {
                /** Format: uuid */
                person_id: string;
                /** Format: uuid */
                case_id: string;
                agency: {
                    id: string;
                    code: string;
                    name: string;
                    kind: string;
                    contact_officer: string | null;
                    contact_phone: string | null;
                    contact_email: string | null;
                };
                /** @description A pseudonym for a victim or child witness */
                full_name: string;
                /** @enum {string} */
                role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                gender: string | null;
                age: number | null;
                relation_name: string | null;
                profile_id: string | null;
            };
        };
        PersonProfileInput: {
            /** Format: uuid */
            id: string;
            records: {
                /** @enum {string} */
                access: "link" | "hit";
                /** Format: uuid */
                case_id: string;
                agency: {
                    id: string;
                    code: string;
                    name: string;
                    kind: string;
                    contact_officer: string | null;
                    contact_phone: string | null;
                    contact_email: string | null;
                };
                state_lgd_code: number | null;
                person: {
                    /** Format: uuid */
                    person_id: string;
                    /** @description A pseudonym for a victim or child witness */
                    full_name: string;
                    /** @enum {string} */
                    role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                    gender: string | null;
                    age: number | null;
                    relation_name: string | null;
                } | null;
                /** @description How this record joined the profile: its first record (`single`), the model, an officer's review, or a rule (a transferred case's copy joins its original) */
                link: {
                    /** @enum {string} */
                    method: "single" | "model" | "review" | "rule";
                    score: number | null;
                    /** @description The model that linked the record, or for a rule link the rule (`case-transfer`) */
                    model_version: string | null;
                    linked_at: string;
                };
                /** @description Whether you may take this record out of the profile (POST /api/v1/profiles/{id}/members/{person_id}/unlink) */
                may_unlink: boolean;
            }[];
            flags: {
                /** @description Accused, trafficker or buyer in two or more cases (a transferred case and its copy are one case) */
                repeat_offender: boolean;
                /** @description Accused, trafficker or buyer in records of two or more states (other roles do not count; a transferred case counts in the state that holds it now) */
                across_states: boolean;
                /** @description Cases of the records listed (links and hits; a transfer family is one case) */
                cases: number;
                /** @description States of the records listed (links and hits), in any role */
                states: number;
            };
            /** @description Only for roles that read the register */
            history_sheets: {
                /** Format: uuid */
                id: string;
                agency_name: string;
                number: number;
                /** @enum {string} */
                status: "open" | "closed";
            }[];
            network: {
                nodes: {
                    id: string;
                    /** @enum {string} */
                    kind: "person" | "case" | "identifier" | "place" | "agency";
                    label: string;
                }[];
                edges: {
                    from: string;
                    to: string;
                    kind: string;
                }[];
            };
        };
        ProfileUnlinkInput: {
            /**
             * Format: uuid
             * @description The profile the record left
             */
            profile_id: string;
            /** Format: uuid */
            person_id: string;
            /**
             * Format: uuid
             * @description The record’s own profile now
             */
            new_profile_id: string;
            /** @description The record and the copies of it that case transfers made (they are one record) */
            records_moved: number;
            /**
             * Format: uuid
             * @description The rejected pair recorded, which keeps automatic linking from joining the record again
             */
            rejected_pair_id: string;
            /** @description Whether you still read a record of the profile the record left (else it answers 404 to you) */
            profile_readable: boolean;
        };
        ProfileEventsInput: {
            items: {
                /** Format: uuid */
                id: string;
                occurred_at: string;
                /** @enum {string} */
                kind: "link" | "merge" | "unlink";
                /**
                 * Format: uuid
                 * @description link, merge: the profile that remains; unlink: the profile the record left
                 */
                profile_id: string;
                /** @description link, merge: the profile merged away; unlink: the record’s new profile */
                other_profile_id: string | null;
                /**
                 * Format: uuid
                 * @description The record that joined, or was taken out (one you may read)
                 */
                person_id: string;
                /** @description Its name as stored (a victim’s or child witness’s pseudonym) */
                person_name: string;
                /** @description The record it was linked to or judged apart from, when you may read it; else null */
                other_person_id: string | null;
                /** @description That record’s name, when you may read it */
                other_person_name: string | null;
                /** @description How many records changed profile */
                records: number;
                method: ("model" | "review" | "rule") | null;
                score: number | null;
                model_version: string | null;
                /** @description The reviewer who confirmed the pair, or the officer who unlinked */
                by: {
                    name: string;
                    role: string;
                } | null;
                reason: string | null;
            }[];
        };
        NewTipInput: {
            /**
             * Format: date-time
             * @description When the tip reached the agency (not when it is recorded)
             */
            received_at: string;
            /** @enum {string} */
            source: "public" | "platform_report" | "helpline_1098" | "informant" | "other";
            /** @description The tip as told; encrypted at rest, shown only in the single-tip read (audited) */
            text: string;
            place?: string | null;
            district_lgd_code?: number | null;
            pincode?: string | null;
            /** @description Identifiers the officer gives, validated as a case’s are (a full Aadhaar number is refused) */
            identifiers?: {
                /** @enum {string} */
                kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                value: string;
            }[];
            /**
             * @description Add the identifiers found in the text (POST /api/v1/grid/extract) to those given. The web form finds them first and sends the ones the officer kept, with extract false
             * @default true
             */
            extract: boolean;
        };
        /** @description A tip in a list: metadata and identifier counts, no text */
        TipSummaryInput: {
            /** Format: uuid */
            id: string;
            agency: {
                id: string;
                code: string;
                name: string;
            };
            received_at: string;
            /** @enum {string} */
            source: "public" | "platform_report" | "helpline_1098" | "informant" | "other";
            place: string | null;
            district_lgd_code: number | null;
            district_name: string | null;
            pincode: string | null;
            recorded_by: {
                id: string;
                display_name: string;
            } | null;
            created_at: string;
            identifier_count: number;
            /** @description The kinds of its identifiers, each once */
            identifier_kinds: ("phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked")[];
        };
        TipIdentifierInput: {
            id: string;
            /** @enum {string} */
            kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
            /** @description As written (found in the text, or given) */
            value: string;
            normalised: string;
            /** @enum {string} */
            origin: "text" | "given";
            /** @description What the grid knows of the value: links to records you may read, hits (whom to contact) for the others */
            matches: {
                links: {
                    case_id: string;
                    fir_number: string | null;
                    agency: {
                        id: string;
                        code: string;
                        name: string;
                        kind: string;
                        contact_officer: string | null;
                        contact_phone: string | null;
                        contact_email: string | null;
                    };
                    match: {
                        kind: string;
                        on: string;
                    };
                }[];
                hits: components["schemas"]["HitInput"][];
                too_common: components["schemas"]["TooCommonInput"][];
                warning_listed: components["schemas"]["WarningListedInput"][];
            };
        };
        /** @description One tip with its text and identifiers (the read is audited) */
        TipInput: {
            /** Format: uuid */
            id: string;
            agency: {
                id: string;
                code: string;
                name: string;
            };
            received_at: string;
            /** @enum {string} */
            source: "public" | "platform_report" | "helpline_1098" | "informant" | "other";
            place: string | null;
            district_lgd_code: number | null;
            district_name: string | null;
            pincode: string | null;
            recorded_by: {
                id: string;
                display_name: string;
            } | null;
            created_at: string;
            /** @description What was told; null for roles that may not reveal a victim’s identity (the text may name a child) */
            text: string | null;
            identifiers: components["schemas"]["TipIdentifierInput"][];
        };
        AdminUserInput: {
            id: string;
            email: string;
            display_name: string;
            role: string;
            agency: {
                id: string;
                code: string;
                name: string;
            };
            disabled: boolean;
            locked: boolean;
            mfa_enabled: boolean;
            last_sign_in_at: string | null;
            created_at: string;
        };
        Error: {
            error: {
                code: string;
                message: string;
                issues?: {
                    field: string;
                    message: string;
                }[];
            };
        };
        NewIdentifier: {
            /** @enum {string} */
            kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
            value: string;
            external_id?: string | null;
        };
        NewPerson: {
            external_id?: string | null;
            /** @enum {string} */
            role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
            full_name: string;
            aliases?: string[];
            relation_kind?: ("s/o" | "d/o" | "w/o" | "c/o") | null;
            relation_name?: string | null;
            gender?: ("female" | "male" | "transgender" | "unknown") | null;
            birth_date?: string | null;
            age?: number | null;
            age_recorded_on?: string | null;
            address?: string | null;
            pincode?: string | null;
            district_lgd_code?: number | null;
            notes?: string | null;
            /** @enum {string} */
            distribution?: "agency" | "district" | "state" | "national" | "group";
            identifiers?: components["schemas"]["NewIdentifier"][];
        };
        NewCase: {
            external_id?: string | null;
            fir_number?: string | null;
            /** @enum {string} */
            fir_kind?: "fir" | "zero_fir" | "e_fir";
            gd_entry?: string | null;
            /** Format: date-time */
            registered_at: string;
            occurred_from?: string | null;
            occurred_to?: string | null;
            place?: string | null;
            pincode?: string | null;
            district_lgd_code?: number | null;
            /** @enum {string} */
            status?: "registered" | "under_investigation" | "charge_sheeted" | "final_report" | "in_trial" | "convicted" | "acquitted" | "transferred" | "closed";
            /** @enum {string} */
            procedure_code: "CrPC" | "BNSS";
            summary?: string | null;
            offences?: string[];
            /** @enum {string} */
            distribution?: "agency" | "district" | "state" | "national" | "group";
            /** @description With distribution `group`: the sharing group the case is shared with */
            sharing_group_id?: string | null;
            persons?: components["schemas"]["NewPerson"][];
            identifiers?: components["schemas"]["NewIdentifier"][];
        };
        Identifier: {
            id: string;
            agency_id: string;
            case_id: string;
            person_id: string | null;
            external_id: string | null;
            kind: string;
            value: string;
            normalised: string;
            protected: boolean;
            distribution: string;
            created_at: string;
        };
        Person: {
            id: string;
            agency_id: string;
            case_id: string;
            /** @description Left out when your role may not read it */
            external_id?: string | null;
            role: string;
            full_name: string;
            /** @description Left out when your role may not read it */
            aliases?: string[];
            /** @description Left out when your role may not read it */
            relation_kind?: string | null;
            /** @description Left out when your role may not read it */
            relation_name?: string | null;
            gender: string | null;
            /** @description Left out when your role may not read it */
            birth_date?: string | null;
            /** @description Left out when your role may not read it */
            age?: number | null;
            age_band: string | null;
            /** @description Left out when your role may not read it */
            age_recorded_on?: string | null;
            /** @description A victim or child witness: names and identifying fields are shown only through a logged reveal */
            protected: boolean;
            /** @description Left out when your role may not read it */
            address?: string | null;
            /** @description Left out when your role may not read it */
            pincode?: string | null;
            /** @description Left out when your role may not read it */
            district_lgd_code?: number | null;
            /** @description Left out when your role may not read it */
            notes?: string | null;
            distribution: string;
            /** @description The canonical person profile this record belongs to (on case and person reads); null when none */
            profile_id?: string | null;
            version: number;
            created_at: string;
            updated_at: string;
            /** @description On a case or person read, when your role may read this person’s identifiers */
            identifiers?: components["schemas"]["Identifier"][];
        };
        CaseSummary: {
            id: string;
            agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
            };
            /** @description Left out when your role may not read it */
            external_id?: string | null;
            fir_number: string | null;
            fir_kind: string;
            registered_at: string;
            /** @description Left out when your role may not read it */
            place?: string | null;
            /** @description Left out when your role may not read it */
            pincode?: string | null;
            state_lgd_code: number | null;
            district_lgd_code: number | null;
            district_name: string | null;
            status: string;
            procedure_code: string;
            offences: string[];
            distribution: string;
            /** @description Left out when your role may not read it */
            sharing_group_id?: string | null;
            /**
             * @description own: your agency or below; shared: its distribution reaches you; disclosed: granted to you on request
             * @enum {string}
             */
            access: "own" | "shared" | "disclosed";
            /** @description Persons by role in the case, of the roles your role may see */
            person_counts: {
                [key: string]: number;
            };
            updated_at: string;
            version: number;
        };
        CaseTransferTrace: {
            /**
             * @description out: this agency sent the case (this is its read-only trace); in: this is the copy it received
             * @enum {string}
             */
            direction: "in" | "out";
            agency: {
                id: string;
                code: string;
                name: string;
            };
            /** @description The case at the other end (the copy, or the case it was copied from) */
            case_id: string;
            /** @description The sending station’s FIR number (on the copy) */
            fir_number: string | null;
            reason: string;
            consent_override_reason: string | null;
            transferred_at: string;
        };
        Case: {
            id: string;
            agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
            };
            /** @description Left out when your role may not read it */
            external_id?: string | null;
            fir_number: string | null;
            fir_kind: string;
            registered_at: string;
            /** @description Left out when your role may not read it */
            place?: string | null;
            /** @description Left out when your role may not read it */
            pincode?: string | null;
            state_lgd_code: number | null;
            district_lgd_code: number | null;
            district_name: string | null;
            status: string;
            procedure_code: string;
            offences: string[];
            distribution: string;
            /** @description Left out when your role may not read it */
            sharing_group_id?: string | null;
            /**
             * @description own: your agency or below; shared: its distribution reaches you; disclosed: granted to you on request
             * @enum {string}
             */
            access: "own" | "shared" | "disclosed";
            /** @description Persons by role in the case, of the roles your role may see */
            person_counts: {
                [key: string]: number;
            };
            updated_at: string;
            version: number;
            /** @description Left out when your role may not read it */
            gd_entry?: string | null;
            /** @description Left out when your role may not read it */
            occurred_from?: string | null;
            /** @description Left out when your role may not read it */
            occurred_to?: string | null;
            /** @description Left out when your role may not read it */
            summary?: string | null;
            created_at: string;
            /** @description Left out when your role may not read it */
            created_by?: string | null;
            /** @description The investigating officer (user id) */
            assigned_to?: string | null;
            /** @description Left out when your role may not read it */
            transfer?: components["schemas"]["CaseTransferTrace"] | null;
            /** @description Left out when your role may not read it */
            persons?: components["schemas"]["Person"][];
            /** @description Identifiers on the case itself (not on a person); left out when your role may not read them */
            identifiers?: components["schemas"]["Identifier"][];
        };
        AuditEvent: {
            id: string;
            /** @description UTC, with microseconds */
            occurred_at: string;
            /** @description position in the acting agency’s hash chain */
            seq: number;
            action: string;
            /** @description the purpose the user stated */
            purpose: string | null;
            role: string | null;
            client_address: string | null;
            user: {
                id: string;
                email: string;
                display_name: string;
            } | null;
            agency: {
                id: string;
                code: string;
                name: string;
            } | null;
            record: {
                kind: string;
                id: string | null;
                agency_id: string | null;
            } | null;
            detail: {
                [key: string]: unknown;
            } | null;
        };
        AuditUserActivity: {
            user: {
                id: string;
                email: string;
                display_name: string;
                role: string;
                agency: {
                    id: string;
                    code: string;
                    name: string;
                };
            };
            items: components["schemas"]["AuditEvent"][];
            next_cursor: string | null;
        };
        /** @description A value held by more cases or agencies than the thresholds: flagged, not linked (it would link everything) */
        TooCommon: {
            kind: string;
            /** @description The case's own identifiers with this value (empty for a search) */
            identifier_ids: string[];
            /** @description Cases holding the value, counted up to just past the threshold */
            cases: number;
            agencies: number;
            threshold: {
                cases: number;
                agencies: number;
            };
        };
        /** @description A value on the warning list (a helpline, a placeholder, an agency number): never correlated */
        WarningListed: {
            kind: string;
            identifier_ids: string[];
            reason: string;
            /** @enum {string} */
            scope: "national" | "agency";
        };
        Disclosure: {
            id: string;
            /** @enum {string} */
            kind: "request" | "referral";
            record_kind: string;
            record_id: string;
            /** @description The case’s FIR number, only when you may read the case (the owner, or an approved grant) */
            fir_number: string | null;
            owner: {
                id: string;
                code: string;
                name: string;
                kind: string;
                contact_officer: string | null;
                contact_phone: string | null;
                contact_email: string | null;
            };
            requester: {
                id: string;
                code: string;
                name: string;
                kind: string;
                contact_officer: string | null;
                contact_phone: string | null;
                contact_email: string | null;
            };
            /** @description Who asked (for a referral: who referred); name and role, never the email */
            requested_by: {
                id: string;
                display_name: string;
                role: string;
                role_label: string;
            } | null;
            purpose: string;
            case_reference: string | null;
            fields_requested: string[];
            status: string;
            fields_granted: string[];
            expires_at: string | null;
            decided_at: string | null;
            decision_reason: string | null;
            consent_override_reason: string | null;
            created_at: string;
        };
        /** @description A record you may not read matched: that it exists, how, and whom to contact */
        Hit: {
            /** @constant */
            record_kind: "case";
            record_id: string;
            match: {
                kind: string;
                on: string;
            };
            /** @enum {string} */
            strength: "exact";
            agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
                contact_officer: string | null;
                contact_phone: string | null;
                contact_email: string | null;
            };
            disclosure_status: string | null;
            /** @description Your latest request for this record, if any (to follow or withdraw it) */
            disclosure_id: string | null;
        };
        SharingGroup: {
            id: string;
            name: string;
            description: string | null;
            owner_agency_id: string;
            members: {
                id: string;
                code: string;
                name: string;
            }[];
            created_at: string;
        };
        CaseTransfer: {
            id: string;
            /** @description Your case, now kept read-only with status `transferred` */
            case_id: string;
            to_agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
            };
            /** @description The receiving agency's copy (its record; you cannot read it) */
            to_case_id: string;
            reason: string;
            consent_override_reason: string | null;
            transferred_at: string;
        };
        GridSettings: {
            /** @description A value held by more cases than this is flagged, not linked */
            common_value_cases: number;
            /** @description … or by more agencies than this */
            common_value_agencies: number;
        };
        WarningListEntry: {
            id: string;
            /** @enum {string} */
            scope: "national" | "agency";
            agency: {
                id: string;
                code: string;
                name: string;
            } | null;
            kind: string;
            value: string;
            normalised: string;
            reason: string;
            created_at: string;
        };
        Watch: {
            id: string;
            kind: string | null;
            value: string | null;
            normalised: string | null;
            profile_id: string | null;
            reason: string;
            created_at: string;
        };
        /** @description Deconfliction, re-trafficking or watchlist alert: whom to contact, and the other record's content only if you may read it */
        GridAlert: {
            id: string;
            /** @enum {string} */
            kind: "deconfliction" | "watchlist" | "re_trafficking";
            match: {
                kind: string;
                on: string;
            };
            /** @description Your side: your case (deconfliction) or the child’s case (re-trafficking), when you read it */
            case: {
                case_id: string;
                fir_number: string | null;
            } | null;
            /** @description Re-trafficking: the child, by pseudonym */
            child: {
                person_id: string;
                pseudonym: string;
            } | null;
            other: {
                agency: {
                    id: string;
                    code: string;
                    name: string;
                    kind: string;
                    contact_officer: string | null;
                    contact_phone: string | null;
                    contact_email: string | null;
                };
                /**
                 * @description What matched: a case, or (a watch alert) a tip another officer recorded
                 * @enum {string}
                 */
                record_kind: "case" | "tip";
                /** @description The matching case (ask its agency to disclose it if you may not read it) or tip (call its agency) */
                record_id: string;
                /** @description Whether you may read the case or tip */
                readable: boolean;
                /** @description Only when you may read the case */
                fir_number: string | null;
                disclosure_status: string | null;
                disclosure_id: string | null;
            };
            watch: {
                id: string;
                kind: string | null;
                value: string | null;
            } | null;
            /** @description Your agency’s alert or your watch’s: you mark it read. A supervisor also sees the alerts of the agencies below it, and their read state, but does not mark them read */
            addressed_to_you: boolean;
            /** @description When the recipient (the agency, or for a watch alert the watcher) marked it read */
            read_at: string | null;
            created_at: string;
        };
        GridAlertList: {
            items: components["schemas"]["GridAlert"][];
            /** @description How many alerts addressed to you (of the kind asked for, if any) are unread, however many are listed */
            unread: number;
        };
        PersonCandidate: {
            /** @description Match weight in bits (≥ 8: same person; 2–8: worth a review) */
            score: number;
            probability: number;
            /** @enum {string} */
            band: "match" | "review";
            via: ("name" | "identifier")[];
            /** @enum {string} */
            access: "link" | "hit";
            /** Format: uuid */
            case_id: string;
            agency: {
                id: string;
                code: string;
                name: string;
                kind: string;
                contact_officer: string | null;
                contact_phone: string | null;
                contact_email: string | null;
            };
            /** @description Only for records you may read */
            person: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                /** @description A pseudonym for a victim or child witness */
                full_name: string;
                gender: string | null;
                age: number | null;
                profile_id: string | null;
            } | null;
            /** @description Which fields agreed and how much (only for records you may read) */
            explanation: {
                field: string;
                level: string;
                /** @description Bits of evidence: positive for agreement, negative for disagreement */
                weight: number;
            }[] | null;
        };
        MatchReview: {
            /** Format: uuid */
            id: string;
            /** @description Match weight in bits; null for a pair rejected by unlinking a record (no model scored it) */
            score: number | null;
            /** @enum {string} */
            status: "pending" | "confirmed" | "rejected" | "unsure";
            /**
             * @description `model`: queued by the model; `unlink`: rejected when an officer took a record out of a profile
             * @enum {string}
             */
            origin: "model" | "unlink";
            explanation: {
                field: string;
                level: string;
                /** @description Bits of evidence: positive for agreement, negative for disagreement */
                weight: number;
            }[];
            model_version: string | null;
            note: string | null;
            reviewed_at: string | null;
            a: {
                /** Format: uuid */
                person_id: string;
                /** Format: uuid */
                case_id: string;
                agency: {
                    id: string;
                    code: string;
                    name: string;
                    kind: string;
                    contact_officer: string | null;
                    contact_phone: string | null;
                    contact_email: string | null;
                };
                /** @description A pseudonym for a victim or child witness */
                full_name: string;
                /** @enum {string} */
                role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                gender: string | null;
                age: number | null;
                relation_name: string | null;
                profile_id: string | null;
            };
            b: {
                /** Format: uuid */
                person_id: string;
                /** Format: uuid */
                case_id: string;
                agency: {
                    id: string;
                    code: string;
                    name: string;
                    kind: string;
                    contact_officer: string | null;
                    contact_phone: string | null;
                    contact_email: string | null;
                };
                /** @description A pseudonym for a victim or child witness */
                full_name: string;
                /** @enum {string} */
                role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                gender: string | null;
                age: number | null;
                relation_name: string | null;
                profile_id: string | null;
            };
        };
        PersonProfile: {
            /** Format: uuid */
            id: string;
            records: {
                /** @enum {string} */
                access: "link" | "hit";
                /** Format: uuid */
                case_id: string;
                agency: {
                    id: string;
                    code: string;
                    name: string;
                    kind: string;
                    contact_officer: string | null;
                    contact_phone: string | null;
                    contact_email: string | null;
                };
                state_lgd_code: number | null;
                person: {
                    /** Format: uuid */
                    person_id: string;
                    /** @description A pseudonym for a victim or child witness */
                    full_name: string;
                    /** @enum {string} */
                    role: "victim" | "accused" | "buyer" | "trafficker" | "witness" | "guardian" | "informant";
                    gender: string | null;
                    age: number | null;
                    relation_name: string | null;
                } | null;
                /** @description How this record joined the profile: its first record (`single`), the model, an officer's review, or a rule (a transferred case's copy joins its original) */
                link: {
                    /** @enum {string} */
                    method: "single" | "model" | "review" | "rule";
                    score: number | null;
                    /** @description The model that linked the record, or for a rule link the rule (`case-transfer`) */
                    model_version: string | null;
                    linked_at: string;
                };
                /** @description Whether you may take this record out of the profile (POST /api/v1/profiles/{id}/members/{person_id}/unlink) */
                may_unlink: boolean;
            }[];
            flags: {
                /** @description Accused, trafficker or buyer in two or more cases (a transferred case and its copy are one case) */
                repeat_offender: boolean;
                /** @description Accused, trafficker or buyer in records of two or more states (other roles do not count; a transferred case counts in the state that holds it now) */
                across_states: boolean;
                /** @description Cases of the records listed (links and hits; a transfer family is one case) */
                cases: number;
                /** @description States of the records listed (links and hits), in any role */
                states: number;
            };
            /** @description Only for roles that read the register */
            history_sheets: {
                /** Format: uuid */
                id: string;
                agency_name: string;
                number: number;
                /** @enum {string} */
                status: "open" | "closed";
            }[];
            network: {
                nodes: {
                    id: string;
                    /** @enum {string} */
                    kind: "person" | "case" | "identifier" | "place" | "agency";
                    label: string;
                }[];
                edges: {
                    from: string;
                    to: string;
                    kind: string;
                }[];
            };
        };
        ProfileUnlink: {
            /**
             * Format: uuid
             * @description The profile the record left
             */
            profile_id: string;
            /** Format: uuid */
            person_id: string;
            /**
             * Format: uuid
             * @description The record’s own profile now
             */
            new_profile_id: string;
            /** @description The record and the copies of it that case transfers made (they are one record) */
            records_moved: number;
            /**
             * Format: uuid
             * @description The rejected pair recorded, which keeps automatic linking from joining the record again
             */
            rejected_pair_id: string;
            /** @description Whether you still read a record of the profile the record left (else it answers 404 to you) */
            profile_readable: boolean;
        };
        ProfileEvents: {
            items: {
                /** Format: uuid */
                id: string;
                occurred_at: string;
                /** @enum {string} */
                kind: "link" | "merge" | "unlink";
                /**
                 * Format: uuid
                 * @description link, merge: the profile that remains; unlink: the profile the record left
                 */
                profile_id: string;
                /** @description link, merge: the profile merged away; unlink: the record’s new profile */
                other_profile_id: string | null;
                /**
                 * Format: uuid
                 * @description The record that joined, or was taken out (one you may read)
                 */
                person_id: string;
                /** @description Its name as stored (a victim’s or child witness’s pseudonym) */
                person_name: string;
                /** @description The record it was linked to or judged apart from, when you may read it; else null */
                other_person_id: string | null;
                /** @description That record’s name, when you may read it */
                other_person_name: string | null;
                /** @description How many records changed profile */
                records: number;
                method: ("model" | "review" | "rule") | null;
                score: number | null;
                model_version: string | null;
                /** @description The reviewer who confirmed the pair, or the officer who unlinked */
                by: {
                    name: string;
                    role: string;
                } | null;
                reason: string | null;
            }[];
        };
        NewTip: {
            /**
             * Format: date-time
             * @description When the tip reached the agency (not when it is recorded)
             */
            received_at: string;
            /** @enum {string} */
            source: "public" | "platform_report" | "helpline_1098" | "informant" | "other";
            /** @description The tip as told; encrypted at rest, shown only in the single-tip read (audited) */
            text: string;
            place?: string | null;
            district_lgd_code?: number | null;
            pincode?: string | null;
            /** @description Identifiers the officer gives, validated as a case’s are (a full Aadhaar number is refused) */
            identifiers?: {
                /** @enum {string} */
                kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
                value: string;
            }[];
            /**
             * @description Add the identifiers found in the text (POST /api/v1/grid/extract) to those given. The web form finds them first and sends the ones the officer kept, with extract false
             * @default true
             */
            extract: boolean;
        };
        /** @description A tip in a list: metadata and identifier counts, no text */
        TipSummary: {
            /** Format: uuid */
            id: string;
            agency: {
                id: string;
                code: string;
                name: string;
            };
            received_at: string;
            /** @enum {string} */
            source: "public" | "platform_report" | "helpline_1098" | "informant" | "other";
            place: string | null;
            district_lgd_code: number | null;
            district_name: string | null;
            pincode: string | null;
            recorded_by: {
                id: string;
                display_name: string;
            } | null;
            created_at: string;
            identifier_count: number;
            /** @description The kinds of its identifiers, each once */
            identifier_kinds: ("phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked")[];
        };
        TipIdentifier: {
            id: string;
            /** @enum {string} */
            kind: "phone" | "email" | "upi" | "bank_account" | "vehicle" | "social_handle" | "url" | "domain" | "ip" | "pincode" | "address" | "aadhaar_masked";
            /** @description As written (found in the text, or given) */
            value: string;
            normalised: string;
            /** @enum {string} */
            origin: "text" | "given";
            /** @description What the grid knows of the value: links to records you may read, hits (whom to contact) for the others */
            matches: {
                links: {
                    case_id: string;
                    fir_number: string | null;
                    agency: {
                        id: string;
                        code: string;
                        name: string;
                        kind: string;
                        contact_officer: string | null;
                        contact_phone: string | null;
                        contact_email: string | null;
                    };
                    match: {
                        kind: string;
                        on: string;
                    };
                }[];
                hits: components["schemas"]["Hit"][];
                too_common: components["schemas"]["TooCommon"][];
                warning_listed: components["schemas"]["WarningListed"][];
            };
        };
        /** @description One tip with its text and identifiers (the read is audited) */
        Tip: {
            /** Format: uuid */
            id: string;
            agency: {
                id: string;
                code: string;
                name: string;
            };
            received_at: string;
            /** @enum {string} */
            source: "public" | "platform_report" | "helpline_1098" | "informant" | "other";
            place: string | null;
            district_lgd_code: number | null;
            district_name: string | null;
            pincode: string | null;
            recorded_by: {
                id: string;
                display_name: string;
            } | null;
            created_at: string;
            /** @description What was told; null for roles that may not reveal a victim’s identity (the text may name a child) */
            text: string | null;
            identifiers: components["schemas"]["TipIdentifier"][];
        };
        AdminUser: {
            id: string;
            email: string;
            display_name: string;
            role: string;
            agency: {
                id: string;
                code: string;
                name: string;
            };
            disabled: boolean;
            locked: boolean;
            mfa_enabled: boolean;
            last_sign_in_at: string | null;
            created_at: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

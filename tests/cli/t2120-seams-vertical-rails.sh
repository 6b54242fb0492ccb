#!/bin/sh
# A Rails application in layers (tests/fixtures/seams-rails, shaped like
# mastodon) is cut into vertical contexts, one per domain, not into its
# layer folders (issue 19). Six domains (status, poll, tag, account,
# bookmark, filter), each with a model and a second model named for it
# (status.rb, status_pin.rb), a controller under app/controllers and one
# under app/controllers/api/v1 (statuses_controller.rb twice), two
# service objects named for what they do (post_status_service.rb,
# remove_status_service.rb), a worker, a serializer and a policy, all
# referring to the domain's model. The models are used from every layer:
# they are the shared kernel, so what ties a domain's files is their
# names: the plural of the controller (statuses: status), the verb
# before a service's domain (post_status: status) and the same file name
# in app/controllers and api/v1 (a version folder, not a copy).
. "${CARVE_SRC:?set CARVE_SRC to the source tree}/tests/cli/lib.sh" || exit 1

cp -R "$CARVE_SRC/tests/fixtures/seams-rails" app
"$CARVE" seams -q --no-history -f csv app >c.csv || fail "seams -f csv"
"$CARVE" seams -q --no-history app >s.txt || fail "seams"
ctx() { grep "^$1," c.csv | cut -d, -f2 | tr -d "\r"; }

for d in status:statuses:post_status:remove_status:distribute_status_worker \
	 poll:polls:create_poll:remove_poll:poll_expiration_worker \
	 tag:tags:update_tag:process_tag:tag_index_worker \
	 account:accounts:suspend_account:resolve_account:delete_account_worker \
	 bookmark:bookmarks:create_bookmark:remove_bookmark:bookmark_cleanup_worker \
	 filter:filters:update_filter:apply_filter:filter_expiry_worker; do
	IFS=: read -r one many s1 s2 w <<EOT
$d
EOT
	c=$(ctx app/controllers/${many}_controller.rb)
	expect_eq "$one: the api/v1 controller joins the controller" \
		"$c" "$(ctx app/controllers/api/v1/${many}_controller.rb)"
	expect_eq "$one: ${s1}_service joins the controller" \
		"$c" "$(ctx app/services/${s1}_service.rb)"
	expect_eq "$one: ${s2}_service joins the controller" \
		"$c" "$(ctx app/services/${s2}_service.rb)"
	expect_eq "$one: the worker joins the controller" \
		"$c" "$(ctx app/workers/$w.rb)"
	expect_eq "$one: the serializer joins the controller" \
		"$c" "$(ctx app/serializers/${one}_serializer.rb)"
	expect_eq "$one: the policy joins the controller" \
		"$c" "$(ctx app/policies/${one}_policy.rb)"
	case $c in
	*$one) ok 0 "$one: its context is named for it ($c)" ;;
	*) ok 1 "$one: its context is named for it ($c)" ;;
	esac
done
check "status and poll apart" test \
	"$(ctx app/controllers/statuses_controller.rb)" != \
	"$(ctx app/controllers/polls_controller.rb)"
check "account and bookmark apart" test \
	"$(ctx app/controllers/accounts_controller.rb)" != \
	"$(ctx app/controllers/bookmarks_controller.rb)"
# no context is a layer: no two domains' serializers together
n=$(for f in app/app/serializers/*.rb; do ctx "${f#app/}"; done | sort -u | wc -l)
expect_eq "six serializers in six contexts" 6 "$((n))"
check "no context named for a layer folder alone" \
	sh -c "! cut -d, -f2 c.csv | grep -qx 'app/\\(models\\|services\\|workers\\|serializers\\|policies\\)'"
done_testing

"""user add|list|disable|enable|role|password: local accounts for teams without an identity provider."""

from __future__ import annotations

import argparse
import getpass
import sys

from arena.cli.common import add_database_option, cli_actor, database
from arena.domain.text import ValidationError
from arena.security import users
from arena.services.auth import Role

NAME = "user"
HELP = "Beheer gebruikers: toevoegen, tonen, uitschakelen, rol of wachtwoord wijzigen."


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="user_command", metavar="ACTIE", required=True)
    add = sub.add_parser("add", help="gebruiker toevoegen (wachtwoord via een prompt of --password-stdin)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", default="", help="weergavenaam")
    add.add_argument("--password-stdin", action="store_true", help="lees het wachtwoord van standaardinvoer")
    add.add_argument("--oidc", action="store_true", help="zonder wachtwoord: meldt zich aan via de identiteitsprovider")
    sub.add_parser("list", help="gebruikers tonen")
    for action, text in (("disable", "gebruiker uitschakelen"), ("enable", "gebruiker weer inschakelen")):
        sub.add_parser(action, help=text).add_argument("username")
    role = sub.add_parser("role", help="rol wijzigen")
    role.add_argument("username")
    role.add_argument("role", choices=[r.value for r in Role])
    password = sub.add_parser("password", help="nieuw wachtwoord instellen")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true")
    for p in sub.choices.values():
        add_database_option(p)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Herhaal wachtwoord: ") != first:
        raise ValidationError("De wachtwoorden verschillen; er is niets opgeslagen.")
    return first


def run(args: argparse.Namespace) -> int:
    db = database(args)
    actor = cli_actor()
    command = args.user_command
    if command == "add":
        password = None if args.oidc else _read_password(args.password_stdin)
        user = users.add_user(db, actor, args.username, args.role, password=password, display_name=args.name)
        print(f"Gebruiker toegevoegd: {user.username} ({user.role.label})")
    elif command == "list":
        rows = users.list_users(db, actor)
        if not rows:
            print("Nog geen gebruikers: de app draait in enkelgebruikersmodus (alleen localhost).")
        for user in rows:
            state = "uitgeschakeld" if user.disabled else "actief"
            kind = "wachtwoord" if user.has_password else "identiteitsprovider"
            print(f"{user.username}\t{user.role.value}\t{state}\t{kind}\t{user.display_name}")
    elif command in ("disable", "enable"):
        user = users.set_disabled(db, actor, args.username, command == "disable")
        print(f"Gebruiker {user.username} is {'uitgeschakeld' if user.disabled else 'ingeschakeld'}.")
    elif command == "role":
        user = users.set_role(db, actor, args.username, args.role)
        print(f"Gebruiker {user.username} heeft nu de rol {user.role.label}.")
    elif command == "password":
        user = users.set_password(db, actor, args.username, _read_password(args.password_stdin))
        print(f"Nieuw wachtwoord ingesteld voor {user.username}.")
    return 0
